<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ChatBubble</name>
    <message>
        <location filename="../../kami_desktop/gui/chat_bubble_delegate.py" line="20"/>
        <source>图片</source>
        <translation>Image</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_bubble_delegate.py" line="21"/>
        <source>语音</source>
        <translation>Voice</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_bubble_delegate.py" line="22"/>
        <source>视频</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_bubble_delegate.py" line="23"/>
        <source>表情</source>
        <translation>Sticker</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_bubble_delegate.py" line="24"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_bubble_delegate.py" line="25"/>
        <source>链接</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_bubble_delegate.py" line="26"/>
        <source>引用</source>
        <translation>Quote</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_bubble_delegate.py" line="27"/>
        <source>转账</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_bubble_delegate.py" line="28"/>
        <source>红包</source>
        <translation>Red packet</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_bubble_delegate.py" line="29"/>
        <source>音乐</source>
        <translation>Music</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_bubble_delegate.py" line="30"/>
        <source>通话</source>
        <translation>Call</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_bubble_delegate.py" line="31"/>
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_bubble_delegate.py" line="32"/>
        <source>名片</source>
        <translation>Contact card</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_bubble_delegate.py" line="33"/>
        <source>小程序</source>
        <translation>Mini program</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_bubble_delegate.py" line="57"/>
        <source>〔{kind}〕</source>
        <translation>[{kind}] </translation>
    </message>
</context>
<context>
    <name>ChatBubbleDelegate</name>
    <message>
        <location filename="../../kami_desktop/gui/chat_bubble_delegate.py" line="130"/>
        <source>{name}（其他用户）</source>
        <translation>{name} (other user)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_bubble_delegate.py" line="132"/>
        <source>{name}（平台客服）</source>
        <translation>{name} (platform staff)</translation>
    </message>
</context>
<context>
    <name>ChatImporter</name>
    <message>
        <location filename="../../kami_desktop/gui/chat_import.py" line="53"/>
        <source>正在读取 {name} 的发送者…</source>
        <translation>Reading the senders of {name}…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_import.py" line="68"/>
        <source>已取消导入。</source>
        <translation>Import cancelled.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_import.py" line="85"/>
        <source>正在读取 {name}…</source>
        <translation>Reading {name}…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_import.py" line="126"/>
        <source>未知</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_import.py" line="128"/>
        <source>已导入语音证据 {ex}《{title}》，时长 {length}</source>
        <translation>Imported voice exhibit {ex} “{title}”, length {length}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_import.py" line="134"/>
        <source>这份聊天记录已经导入过（证据 {ex}），没有重复添加。</source>
        <translation>This chat log was imported before (exhibit {ex}); it was not added again.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_import.py" line="140"/>
        <source>已导入 {k} 个会话，共 {n} 条消息，每个会话一件证据：{titles}</source>
        <translation>Imported {k} conversations, {n} messages, one exhibit each: {titles}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_import.py" line="148"/>
        <source>已导入《{title}》：{n} 条消息（证据 {ex}）</source>
        <translation>Imported “{title}” as exhibit {ex}; messages: {n}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_import.py" line="157"/>
        <source>未导入：{reason}</source>
        <translation>Not imported: {reason}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_import.py" line="158"/>
        <source>无法导入聊天记录</source>
        <translation>Cannot import the chat log</translation>
    </message>
</context>
<context>
    <name>ChatMessageModel</name>
    <message>
        <location filename="../../kami_desktop/gui/chat_message_model.py" line="94"/>
        <source>第 {seq} 条 · {time} · 原文件第 {line} 行</source>
        <translation>Message {seq} · {time} · line {line} of the original file</translation>
    </message>
</context>
<context>
    <name>ChatSearch</name>
    <message>
        <location filename="../../kami_desktop/gui/chat_search.py" line="19"/>
        <source>搜索消息（回车：下一处）</source>
        <translation>Search messages (Enter: next match)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_search.py" line="25"/>
        <source>上一处</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_search.py" line="28"/>
        <source>下一处</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_search.py" line="61"/>
        <source>没有找到</source>
        <translation>Not found</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <location filename="../../kami_desktop/gui/chat_view.py" line="68"/>
        <source>导入聊天记录…</source>
        <translation>Import chat…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_view.py" line="70"/>
        <source>QQ 消息管理器导出的 txt，用“留痕”软件从电脑版微信导出的 CSV/TXT/HTML，或语音文件</source>
        <translation>A .txt exported by the QQ Message Manager, a CSV/TXT/HTML export from WeChat on a computer made with MemoTrace (留痕), or a voice file</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_view.py" line="88"/>
        <source>聊天记录：</source>
        <translation>Chat:</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_view.py" line="113"/>
        <source>生成摘录证据</source>
        <translation>Make excerpt exhibit</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_view.py" line="115"/>
        <source>把选中的这一段消息（从第一条到最后一条）生成为一件新的证据；原始聊天记录不变</source>
        <translation>Make the selected run of messages (from the first to the last) a new exhibit; the original chat log is not changed</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_view.py" line="142"/>
        <source>选择聊天记录或语音文件</source>
        <translation>Choose a chat log or voice file</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_view.py" line="144"/>
        <source>聊天记录 (*.txt *.csv *.html *.htm);;语音 ({voice});;所有文件 (*)</source>
        <translation>Chat logs (*.txt *.csv *.html *.htm);;Voice ({voice});;All files (*)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_view.py" line="197"/>
        <source>{title}（{n} 条）</source>
        <translation>{title} ({n})</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_view.py" line="203"/>
        <source>本案还没有聊天记录。点击“导入聊天记录…”导入 QQ 导出的聊天记录，或用“留痕”软件从电脑版微信导出的聊天记录（见 帮助 → 如何导出微信聊天记录）。</source>
        <translation>This case has no chat logs yet. Click “Import chat…” to import a chat exported from QQ, or one exported from WeChat on a computer with the MemoTrace (留痕) tool (see Help → How to export WeChat chats).</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_view.py" line="227"/>
        <source>证据 {ex} · {n} 条消息 · {first} 至 {last} · 参与者：{who}</source>
        <translation>Exhibit {ex} · messages: {n} · {first} to {last} · participants: {who}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_view.py" line="295"/>
        <source>作为主张项…</source>
        <translation>Make a claim item…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_view.py" line="305"/>
        <source>已添加主张项 {id}（已记入存证日志）</source>
        <translation>Claim item {id} added (recorded in the ledger)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_view.py" line="331"/>
        <source>已生成摘录证据 {ex}《{title}》</source>
        <translation>Created excerpt exhibit {ex} “{title}”</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_view.py" line="333"/>
        <source>这段摘录已经存在：证据 {ex}《{title}》</source>
        <translation>This excerpt already exists: exhibit {ex} “{title}”</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_view.py" line="345"/>
        <source>已选第 {a}—{b} 条消息</source>
        <translation>Messages {a}–{b} selected</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_view.py" line="347"/>
        <source>按住 Shift 点击可选中一段连续的消息，再生成摘录证据。</source>
        <translation>Shift-click to select a run of messages, then make an excerpt exhibit.</translation>
    </message>
</context>
<context>
    <name>SendersDialog</name>
    <message>
        <location filename="../../kami_desktop/gui/chat_senders_dialog.py" line="28"/>
        <source>谁是本人</source>
        <translation>Which sender is you</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_senders_dialog.py" line="31"/>
        <source>《{name}》中有以下发送者。请勾选哪些是你本人（同一个人在私聊和群聊中的名字可能不同，可勾选多个）；群聊中若有平台客服，请勾选“平台客服”。群聊中的其他人按“其他用户”处理，他们的话不会被当作平台的答复或你的陈述。</source>
        <translation>“{name}” has these senders. Tick the ones that are you (the same person may use different names in a private chat and a group chat; you may tick several); in group chats, tick the platform's staff under “Platform staff”. Everybody else in a group chat is treated as another user: their words are never taken as the platform's answer or as your own.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_senders_dialog.py" line="38"/>
        <source>本人</source>
        <translation>You</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_senders_dialog.py" line="39"/>
        <source>平台客服（群聊）</source>
        <translation>Platform staff (group chats)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_senders_dialog.py" line="40"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_senders_dialog.py" line="41"/>
        <source>号码</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_senders_dialog.py" line="42"/>
        <source>别名</source>
        <translation>Aliases</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_senders_dialog.py" line="43"/>
        <source>消息数</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_senders_dialog.py" line="44"/>
        <source>会话</source>
        <translation>Conversations</translation>
    </message>
</context>
<context>
    <name>ChatVoice</name>
    <message>
        <location filename="../../kami_desktop/gui/chat_voice.py" line="113"/>
        <source>，在回收站中 {n} 个（未重新导入）</source>
        <translation>, {n} in the trash (not imported again)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_voice.py" line="27"/>
        <source>录音：证据 {n}《{title}》（双击查看）</source>
        <translation>Recording: exhibit {n} “{title}” (double-click to view)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_voice.py" line="31"/>
        <source>录音文件“{file}”已不在本案的证据中（可能在回收站）</source>
        <translation>The recording “{file}” is no longer among the case's exhibits (it may be in the trash)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_voice.py" line="35"/>
        <source>录音文件“{file}”不在导出文件夹中，只有文字记录</source>
        <translation>The recording “{file}” is not in the export folder: only the text record exists</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_voice.py" line="38"/>
        <source>录音文件“{file}”未导入：{reason}</source>
        <translation>The recording “{file}” was not imported: {reason}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_voice.py" line="85"/>
        <source>语音文件：找到 {found} 个，新导入 {new} 个，已在本案中 {present} 个，缺失 {missing} 个</source>
        <translation>Voice files: {found} found, {new} newly imported, {present} already in the case, {missing} missing</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_voice.py" line="94"/>
        <source>，未导入 {n} 个</source>
        <translation>, {n} not imported</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_voice.py" line="96"/>
        <source>（{files}）</source>
        <translation> ({files})</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_voice.py" line="109"/>
        <source>播放录音</source>
        <translation>Play recording</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_voice.py" line="110"/>
        <source>在证据中查看</source>
        <translation>Show in exhibits</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/chat_voice.py" line="124"/>
        <source>无法播放录音：{reason}</source>
        <translation>Cannot play the recording: {reason}</translation>
    </message>
</context>
</TS>
