<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../kami_desktop/gui/app.py" line="74"/>
        <source>卡盟维权助手</source>
        <translation>Kami Claim Helper</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/app.py" line="75"/>
        <source>这个资料目录已在另一个卡盟维权助手窗口中打开：
{path}</source>
        <translation>This data folder is already open in another Kami Claim Helper window:
{path}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/app.py" line="84"/>
        <source>无法打开资料</source>
        <translation>Cannot open your data</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/app.py" line="82"/>
        <source>卡盟维权助手窗口</source>
        <translation>Kami Claim Helper window</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <location filename="../../kami_desktop/gui/case_dialog.py" line="34"/>
        <source>新建案件</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_dialog.py" line="34"/>
        <source>编辑案件</source>
        <translation>Edit case</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_dialog.py" line="37"/>
        <source>例如：星辰卡盟充值扣款纠纷</source>
        <translation>e.g. Xingchen top-up balance deducted</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_dialog.py" line="39"/>
        <source>平台名称，例如：星辰卡盟</source>
        <translation>Platform name, e.g. Xingchen Kameng</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_dialog.py" line="49"/>
        <source>已知</source>
        <translation>Known</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_dialog.py" line="53"/>
        <source>例如：1798.00（元）</source>
        <translation>e.g. 1798.00 (yuan)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_dialog.py" line="59"/>
        <source>案件名称 *</source>
        <translation>Case title *</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_dialog.py" line="60"/>
        <source>平台名称</source>
        <translation>Platform name</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_dialog.py" line="61"/>
        <source>平台网址</source>
        <translation>Platform website</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_dialog.py" line="62"/>
        <source>扣款原因</source>
        <translation>Cause of deduction</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_dialog.py" line="66"/>
        <source>发现扣款日期</source>
        <translation>Date discovered</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_dialog.py" line="83"/>
        <source>尚未填写：已预填最早的主张项日期 %1（期限按较早的日期计算），请核对。</source>
        <translation>Not set yet: prefilled with the earliest claim item's date %1 (deadlines count from the earlier date); please check.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_dialog.py" line="67"/>
        <source>主张金额（元）</source>
        <translation>Amount claimed (yuan)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_dialog.py" line="71"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_dialog.py" line="72"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>纠纷原因（可多选）</source>
        <translation>Causes (choose one or more)</translation>
    </message>
</context>
<context>
    <name>CaseSidebar</name>
    <message>
        <location filename="../../kami_desktop/gui/case_sidebar.py" line="33"/>
        <source>案件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_sidebar.py" line="42"/>
        <source>新建案件</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_sidebar.py" line="44"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_sidebar.py" line="46"/>
        <location filename="../../kami_desktop/gui/case_sidebar.py" line="107"/>
        <source>归档</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_sidebar.py" line="48"/>
        <source>显示已归档</source>
        <translation>Show archived</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_sidebar.py" line="74"/>
        <source>未填写平台</source>
        <translation>No platform given</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_sidebar.py" line="75"/>
        <source>{n} 项证据</source>
        <translation>{n} exhibits</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_sidebar.py" line="77"/>
        <source>（已归档）</source>
        <translation> (archived)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_sidebar.py" line="107"/>
        <source>取消归档</source>
        <translation>Unarchive</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_sidebar.py" line="132"/>
        <source>归档案件</source>
        <translation>Archive case</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_sidebar.py" line="133"/>
        <source>归档后案件从列表中隐藏（勾选“显示已归档”可再看到），证据不会删除。确定归档？</source>
        <translation>An archived case is hidden from the list (tick &quot;Show archived&quot; to see it again); no evidence is deleted. Archive this case?</translation>
    </message>
</context>
<context>
    <name>CaseWorkspace</name>
    <message>
        <location filename="../../kami_desktop/gui/case_tabs.py" line="32"/>
        <source>案件首页</source>
        <translation>Case home</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_tabs.py" line="30"/>
        <source>账单</source>
        <translation>Bills</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_tabs.py" line="31"/>
        <source>主张项</source>
        <translation>Claim items</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_tabs.py" line="32"/>
        <source>聊天记录</source>
        <translation>Chats</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_tabs.py" line="33"/>
        <source>维权进度</source>
        <translation>Case progress</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_tabs.py" line="50"/>
        <source>证据</source>
        <translation>Evidence</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <location filename="../../kami_desktop/gui/crash_handler.py" line="50"/>
        <source>详细信息已记录到日志文件：
{path}</source>
        <translation>The details were written to the log file:
{path}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/crash_handler.py" line="56"/>
        <source>程序出现意外错误</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/crash_handler.py" line="57"/>
        <source>程序遇到了一个意外问题，刚才的操作可能没有完成。您的证据原件不受影响。</source>
        <translation>Something unexpected went wrong and the last action may not have finished. Your original evidence files are not affected.</translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <location filename="../../kami_desktop/gui/evidence_model.py" line="209"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_model.py" line="210"/>
        <source>名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_model.py" line="211"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_model.py" line="212"/>
        <source>拍摄时间</source>
        <translation>Captured</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_model.py" line="213"/>
        <source>导入时间</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_model.py" line="214"/>
        <source>文件数</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_model.py" line="215"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_model.py" line="216"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_model.py" line="217"/>
        <source>原始文件名</source>
        <translation>Original file name</translation>
    </message>
</context>
<context>
    <name>EvidenceView</name>
    <message>
        <source>制作打码副本…</source>
        <translation>Make masked copies…</translation>
    </message>
    <message>
        <source>已保存打码副本（原件未改动，已记入存证日志）</source>
        <translation>Masked copy saved (the original is unchanged; recorded in the evidence log)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_view.py" line="113"/>
        <source>缩略图</source>
        <translation>Tiles</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_view.py" line="115"/>
        <source>列表</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_view.py" line="122"/>
        <source>按证据顺序</source>
        <translation>Binder order</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_view.py" line="123"/>
        <source>按拍摄时间</source>
        <translation>By capture time</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_view.py" line="124"/>
        <source>按导入时间</source>
        <translation>By import time</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_view.py" line="129"/>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_view.py" line="135"/>
        <source>搜索名称、文件名、证明目的、标签、截图文字、聊天、账单（Ctrl+F）</source>
        <translation>Search titles, file names, purposes, tags, screenshot text, chats, bills (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_view.py" line="135"/>
        <source>搜索证据（Ctrl+F）</source>
        <translation>Search (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_view.py" line="139"/>
        <source>按类别分组</source>
        <translation>Group by category</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_view.py" line="141"/>
        <source>导入文件…</source>
        <translation>Import files…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_view.py" line="143"/>
        <source>合并</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_view.py" line="144"/>
        <source>把选中的几项证据合并为一项（文件按顺序排列）</source>
        <translation>Merge the selected exhibits into one (files kept in order)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_view.py" line="146"/>
        <source>拆分</source>
        <translation>Split</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_view.py" line="147"/>
        <source>把一项证据的每个文件拆成单独的证据</source>
        <translation>Give every file of an exhibit its own exhibit</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_view.py" line="149"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_view.py" line="150"/>
        <source>移到回收站（可恢复）</source>
        <translation>Move to the trash (can be restored)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_view.py" line="266"/>
        <source>共 {n} 项</source>
        <translation>{n} items</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_view.py" line="268"/>
        <source>显示 {shown} / {n} 项</source>
        <translation>Showing {shown} of {n}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_view.py" line="285"/>
        <source>已保存，修改已记入存证日志</source>
        <translation>Saved; the change is recorded in the evidence log</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_view.py" line="295"/>
        <source>作为主张项…</source>
        <translation>Make a claim item…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_view.py" line="305"/>
        <source>已添加主张项 {id}（已记入存证日志）</source>
        <translation>Claim item {id} added (recorded in the ledger)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_view.py" line="350"/>
        <source>合并证据</source>
        <translation>Merge exhibits</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_view.py" line="352"/>
        <source>把选中的 {n} 项证据合并为一项？文件按当前顺序排在第 {num} 项之后，之后可以再拆分。</source>
        <translation>Merge the {n} selected exhibits into one? Their files follow exhibit {num} in the current order; you can split them again later.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_view.py" line="378"/>
        <source>移动文件</source>
        <translation>Move file</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/evidence_view.py" line="378"/>
        <source>把这个文件移到哪一项证据？</source>
        <translation>Move this file to which exhibit?</translation>
    </message>
    <message>
        <source>修改证据 {n}</source>
        <translation>Edit exhibit {n}</translation>
    </message>
    <message>
        <source>统一修改 {n} 项证据</source>
        <translation>Edit {n} exhibits together</translation>
    </message>
    <message>
        <source>已修改 {n} 项证据，已记入存证日志</source>
        <translation>{n} exhibits changed; recorded in the evidence log</translation>
    </message>
    <message>
        <source>删除证据</source>
        <translation>Delete exhibits</translation>
    </message>
    <message>
        <source>把选中的 {n} 项证据移到回收站？
可以用 Ctrl+Z 撤销，或在回收站中恢复。</source>
        <translation>Move the {n} selected exhibits to the trash?
Ctrl+Z undoes it, or restore them from the trash.</translation>
    </message>
    <message>
        <source>已将 {n} 项移到回收站，按 Ctrl+Z 可撤销</source>
        <translation>Moved {n} to the trash; Ctrl+Z undoes it</translation>
    </message>
    <message>
        <source>证据 {n}  {title}</source>
        <translation>Exhibit {n}  {title}</translation>
    </message>
    <message>
        <source>重命名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>上移一项</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>下移一项</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>合并所选证据</source>
        <translation>Merge selected exhibits</translation>
    </message>
    <message>
        <source>拆分证据</source>
        <translation>Split exhibit</translation>
    </message>
    <message>
        <source>删除到回收站</source>
        <translation>Move to trash</translation>
    </message>
    <message>
        <source>删除 {n} 项到回收站…</source>
        <translation>Move {n} to the trash…</translation>
    </message>
    <message>
        <source>查看大图</source>
        <translation>View large</translation>
    </message>
    <message>
        <source>此文件已在回收站中（证据“{title}”）。恢复它吗？</source>
        <translation>This file is already in the trash (exhibit “{title}”). Restore it?</translation>
    </message>
    <message>
        <source>这些文件已在回收站中（{n} 项证据：{titles}）。恢复它们吗？</source>
        <translation>These files are already in the trash ({n} exhibits: {titles}). Restore them?</translation>
    </message>
    <message>
        <source>恢复：回到原来的位置，刚导入的一份移到回收站。不恢复：保留为新证据。</source>
        <translation>Restore: it goes back to its old place and the copy just imported goes to the trash. Don't restore: keep it as a new exhibit.</translation>
    </message>
    <message>
        <source>恢复回收站中的证据</source>
        <translation>Restore from the trash</translation>
    </message>
    <message>
        <source>恢复回收站中的 {n} 项证据</source>
        <translation>Restore {n} exhibits from the trash</translation>
    </message>
    <message>
        <source>证据 {numbers} 已加到主张项 {id} 的证据中（已记入存证日志）</source>
        <translation>Exhibit {numbers} added to the evidence of claim item {id} (recorded in the ledger)</translation>
    </message>
    <message>
        <source>用作主张项的证据…</source>
        <translation>Use as evidence of a claim item…</translation>
    </message>
    <message>
        <source>已从回收站恢复 {n} 项证据，按 Ctrl+Z 可撤销</source>
        <translation>Restored {n} exhibits from the trash; Ctrl+Z undoes it</translation>
    </message>
</context>
<context>
    <name>ExhibitDetailPanel</name>
    <message>
        <source>这是文件的修改时间（常是复制到电脑的时间），不是拍摄时间；证据册中注明为“文件修改时间”</source>
        <translation>This is the file’s modification time (often when it was copied to this PC), not when it was taken; the binder labels it “file modification time”</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/exhibit_detail.py" line="53"/>
        <source>移到其他证据…</source>
        <translation>Move to another exhibit…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/exhibit_detail.py" line="61"/>
        <source>这项证据证明什么，例如：证明平台已扣款但未发货</source>
        <translation>What this exhibit proves, e.g. the platform took the money but delivered nothing</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/exhibit_detail.py" line="68"/>
        <source>用逗号分隔，例如：客服, 拒绝退款</source>
        <translation>Separate with commas, e.g. support, refund refused</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/exhibit_detail.py" line="72"/>
        <source>保存修改</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/exhibit_detail.py" line="79"/>
        <source>名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/exhibit_detail.py" line="80"/>
        <source>证据类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/exhibit_detail.py" line="81"/>
        <source>证明目的</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/exhibit_detail.py" line="82"/>
        <source>拍摄时间</source>
        <translation>Captured</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/exhibit_detail.py" line="83"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/exhibit_detail.py" line="84"/>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/exhibit_detail.py" line="88"/>
        <source>录音文字记录</source>
        <translation>Transcript</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/exhibit_detail.py" line="65"/>
        <source>自己听写的录音内容，写明说话人，例如：客服：七日内退款</source>
        <translation>What the recording says, in your own words, with who speaks, e.g. Agent: refund within seven days</translation>
    </message>
    <message>
        <source>本软件给你的提示：只在软件中显示，不会印在提交法院的材料上。</source>
        <translation>Advice from this app: shown only in the app, never printed on what you file with the court.</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Advice</translation>
    </message>
    <message>
        <source>证据从哪里来，例如：本人手机截图、支付宝导出账单</source>
        <translation>Where the evidence comes from, e.g. a screenshot from my phone, a bill exported from Alipay</translation>
    </message>
    <message>
        <source>离开一个输入框或换一项证据时也会自动保存</source>
        <translation>Changes are also saved when you leave a field or go to another exhibit</translation>
    </message>
    <message>
        <source>还原</source>
        <translation>Revert</translation>
    </message>
    <message>
        <source>放弃还没保存的修改（已保存的修改用 Ctrl+Z 撤销）</source>
        <translation>Discard changes not saved yet (Ctrl+Z undoes saved ones)</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>修改没有保存</source>
        <translation>Changes not saved</translation>
    </message>
    <message>
        <source>《{title}》的修改没有保存：{reason}</source>
        <translation>The changes to “{title}” were not saved: {reason}</translation>
    </message>
</context>
<context>
    <name>FileFactsForm</name>
    <message>
        <location filename="../../kami_desktop/gui/file_facts.py" line="24"/>
        <source>原始文件名</source>
        <translation>Original file name</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/file_facts.py" line="25"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/file_facts.py" line="26"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/file_facts.py" line="29"/>
        <source>拍摄时间（EXIF）</source>
        <translation>Taken (EXIF)</translation>
    </message>
    <message>
        <source>创建时间（视频信息）</source>
        <translation>Created (video metadata)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/file_facts.py" line="30"/>
        <source>文件时间</source>
        <translation>File time</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/file_facts.py" line="31"/>
        <source>导入时间</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/file_facts.py" line="32"/>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/file_facts.py" line="51"/>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/file_facts.py" line="66"/>
        <source>{size}（{n} 字节）</source>
        <translation>{size} ({n} bytes)</translation>
    </message>
</context>
<context>
    <name>FilePreview</name>
    <message>
        <source>时长 {d} · {codec}，{rate} Hz</source>
        <translation>Length {d} · {codec}, {rate} Hz</translation>
    </message>
    <message>
        <source>用系统程序播放（WAV 副本）</source>
        <translation>Play with the system player (WAV copy)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/file_preview.py" line="90"/>
        <source>选择一项证据以预览</source>
        <translation>Select an exhibit to preview it</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/file_preview.py" line="102"/>
        <source>用系统程序打开</source>
        <translation>Open with system program</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/file_preview.py" line="143"/>
        <source>正在渲染 PDF…</source>
        <translation>Rendering PDF…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/file_preview.py" line="170"/>
        <source>共 {total} 页，此处只显示前 {n} 页</source>
        <translation>{total} pages; only the first {n} are shown here</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../kami_desktop/gui/formatting.py" line="34"/>
        <source>图片</source>
        <translation>Image</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/formatting.py" line="38"/>
        <source>音频</source>
        <translation>Audio</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/formatting.py" line="40"/>
        <source>视频</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/formatting.py" line="42"/>
        <source>文本</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/formatting.py" line="44"/>
        <source>压缩包</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/formatting.py" line="45"/>
        <source>其他文件</source>
        <translation>Other file</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/formatting.py" line="65"/>
        <source>、</source>
        <comment>separator between list items</comment>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/formatting.py" line="70"/>
        <source>{label}（{n}）</source>
        <translation>{label} ({n})</translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message>
        <location filename="../../kami_desktop/gui/import_progress.py" line="15"/>
        <source>取消导入</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/import_progress.py" line="25"/>
        <location filename="../../kami_desktop/gui/import_progress.py" line="36"/>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/import_progress.py" line="34"/>
        <source>正在导入 {done}/{total}：{name}</source>
        <translation>Importing {done}/{total}: {name}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/import_progress.py" line="41"/>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <location filename="../../kami_desktop/gui/import_summary_dialog.py" line="22"/>
        <source>新导入 {n} 个文件</source>
        <translation>{n} files imported</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/import_summary_dialog.py" line="25"/>
        <source>{n} 个已在本案件中（重复，未再添加）</source>
        <translation>{n} already in this case (duplicates, not added again)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/import_summary_dialog.py" line="31"/>
        <source>{n} 个未能导入</source>
        <translation>{n} could not be imported</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/import_summary_dialog.py" line="33"/>
        <source>，</source>
        <comment>separator between the parts of the summary</comment>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/import_summary_dialog.py" line="34"/>
        <source>{parts}。</source>
        <translation>{parts}.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/import_summary_dialog.py" line="36"/>
        <source>导入已取消，已导入的文件保留在证据库中。</source>
        <translation> Import cancelled; the files already imported stay in the vault.</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <location filename="../../kami_desktop/gui/import_summary_dialog.py" line="44"/>
        <source>导入结果</source>
        <translation>Import result</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/import_summary_dialog.py" line="52"/>
        <source>重复：与已有证据内容相同</source>
        <translation>Duplicate: same content as an existing exhibit</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/import_summary_dialog.py" line="60"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/import_summary_dialog.py" line="60"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kami_desktop/gui/main_imports.py" line="113"/>
        <source>（导入后自动识别文字已关闭：需要时用“证据 → 识别截图文字”）</source>
        <translation> (reading the text of screenshots after an import is off: use “Evidence → Read text in screenshots” when needed)</translation>
    </message>
    <message>
        <source>制作打码副本…</source>
        <translation>Make masked copies…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="52"/>
        <location filename="../../kami_desktop/gui/main_window.py" line="182"/>
        <source>卡盟维权助手</source>
        <translation>Kami Claim Helper</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="57"/>
        <source>导入文件</source>
        <translation>Import files</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="100"/>
        <source>还没有案件。
新建一个案件，然后把截图、账单、聊天记录拖进窗口，或按 Ctrl+V 粘贴截图。</source>
        <translation>No case yet.
Create a case, then drag screenshots, bills and chat logs into the window, or paste a screenshot with Ctrl+V.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="104"/>
        <source>新建案件</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="125"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="127"/>
        <source>新建案件…</source>
        <translation>New case…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="130"/>
        <source>导入文件…</source>
        <translation>Import files…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="133"/>
        <source>粘贴截图或文件</source>
        <translation>Paste screenshot or files</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="136"/>
        <source>备份…</source>
        <translation>Back up…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="137"/>
        <source>从备份恢复…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="139"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="140"/>
        <source>证据(&amp;E)</source>
        <translation>&amp;Evidence</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="141"/>
        <source>重命名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="144"/>
        <source>删除到回收站</source>
        <translation>Move to trash</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="150"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="153"/>
        <source>合并所选证据</source>
        <translation>Merge selected exhibits</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="154"/>
        <source>拆分证据</source>
        <translation>Split exhibit</translation>
    </message>
    <message>
        <source>识别截图文字</source>
        <translation>Read text in screenshots</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="156"/>
        <source>回收站…</source>
        <translation>Trash…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="157"/>
        <source>校验完整性…</source>
        <translation>Verify integrity…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="158"/>
        <location filename="../../kami_desktop/gui/main_window.py" line="314"/>
        <location filename="../../kami_desktop/gui/main_window.py" line="321"/>
        <source>证据册</source>
        <translation>Binder</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="160"/>
        <source>生成证据册…</source>
        <translation>Build evidence binder…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="162"/>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="163"/>
        <source>界面语言与文字识别…</source>
        <translation>Language and text reading…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="164"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="167"/>
        <source>打开日志文件夹</source>
        <translation>Open log folder</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="170"/>
        <location filename="../../kami_desktop/gui/main_window.py" line="372"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="192"/>
        <source>还没有案件</source>
        <translation>No case yet</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="192"/>
        <source>请先新建或选择一个案件，再导入证据。</source>
        <translation>Please create or select a case first, then import evidence.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="222"/>
        <source>剪贴板里没有截图或文件。先复制一张图片（如微信截图），再按 Ctrl+V。</source>
        <translation>The clipboard holds no screenshot or file. Copy an image first (e.g. a WeChat screenshot), then press Ctrl+V.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="242"/>
        <source>已把剪贴板截图保存为证据</source>
        <translation>The pasted screenshot was saved as evidence</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="264"/>
        <source>松开鼠标，导入到当前案件</source>
        <translation>Release to import into this case</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="266"/>
        <source>请先新建一个案件</source>
        <translation>Please create a case first</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="314"/>
        <source>请先选择一个案件。</source>
        <translation>Please select a case first.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/main_window.py" line="374"/>
        <source>卡盟维权助手 {version}
帮您整理被卡盟平台扣款的证据：截图、账单、聊天记录逐一计算哈希、记录时间，并生成可打印的证据册。所有资料只保存在本机。

资料位置：{path}</source>
        <translation>Kami Claim Helper {version}
Keeps the evidence of a deduction by a virtual-goods platform: every screenshot, bill and chat log is hashed and time-stamped, and a printable evidence binder is built from them. Everything stays on this computer.

Data folder: {path}</translation>
    </message>
    <message>
        <source>编辑(&amp;D)</source>
        <translation>E&amp;dit</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>上移一项</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>下移一项</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>已撤销：{what}</source>
        <translation>Undone: {what}</translation>
    </message>
    <message>
        <source>已重做：{what}</source>
        <translation>Redone: {what}</translation>
    </message>
    <message>
        <source>案件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>正在打开资料…</source>
        <translation>Opening your data…</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../kami_desktop/gui/messages.py" line="43"/>
        <source>无法完成</source>
        <translation>Could not complete</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../kami_desktop/gui/settings_dialog.py" line="15"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/settings_dialog.py" line="20"/>
        <source>更改语言后，重新打开程序即可生效。</source>
        <translation>A new language takes effect the next time the program starts.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/settings_dialog.py" line="23"/>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/settings_dialog.py" line="38"/>
        <source>导入截图后自动识别文字</source>
        <translation>Read the text of screenshots automatically after an import</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/settings_dialog.py" line="41"/>
        <source>关闭后，可随时在“证据 → 识别截图文字”中手动识别；识别出的文字只用于搜索和提示，不是证据</source>
        <translation>When off, use Evidence → Read text in screenshots at any time. Machine-read text only serves search and suggestions; it is not evidence</translation>
    </message>
</context>
<context>
    <name>Splash</name>
    <message>
        <location filename="../../kami_desktop/gui/splash.py" line="45"/>
        <location filename="../../kami_desktop/gui/splash.py" line="64"/>
        <source>卡盟维权助手</source>
        <translation>Kami Claim Helper</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/splash.py" line="54"/>
        <source>正在打开本机证据库…</source>
        <translation>Opening the evidence store on this PC…</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../../kami_desktop/gui/trash_dialog.py" line="23"/>
        <source>回收站</source>
        <translation>Trash</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/trash_dialog.py" line="31"/>
        <source>恢复所选</source>
        <translation>Restore selected</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/trash_dialog.py" line="33"/>
        <source>清空回收站…</source>
        <translation>Empty trash…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/trash_dialog.py" line="35"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/trash_dialog.py" line="51"/>
        <source>回收站里有 {n} 项证据</source>
        <translation>{n} exhibits in the trash</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/trash_dialog.py" line="51"/>
        <source>回收站是空的</source>
        <translation>The trash is empty</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/trash_dialog.py" line="73"/>
        <source>清空回收站</source>
        <translation>Empty trash</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/trash_dialog.py" line="75"/>
        <source>彻底删除回收站中的 {n} 项证据？不再被任何证据使用的原始文件也会从证据库删除，此操作不能撤销（存证日志会记录）。</source>
        <translation>Delete the {n} exhibits in the trash for good? Original files no other exhibit uses are removed from the vault too. This cannot be undone (the evidence log records it).</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../kami_desktop/gui/verify_dialog.py" line="140"/>
        <source>{n} 个打码副本的文件不在数据目录中（从不含打码副本的旧版备份恢复后会这样）。打码副本不是证据：原件和存证日志完好，这不是篡改；点下面的“重新制作打码副本”，按存证日志登记的遮盖框重新制作。</source>
        <translation>The files of {n} masked copies are not in the data folder (this happens after restoring an older backup that had no masked copies). Masked copies are not evidence: the originals and the evidence log are intact, nothing was tampered with. Click “Make masked copies again” below to make them again from the boxes recorded in the evidence log.</translation>
    </message>
    <message>
        <source>打码副本被改动</source>
        <translation>Masked copy altered</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/verify_dialog.py" line="30"/>
        <source>文件缺失</source>
        <translation>File missing</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/verify_dialog.py" line="31"/>
        <source>内容被改动</source>
        <translation>Content changed</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/verify_dialog.py" line="32"/>
        <source>大小不符</source>
        <translation>Size mismatch</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/verify_dialog.py" line="33"/>
        <source>多余文件</source>
        <translation>Unregistered file</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/verify_dialog.py" line="34"/>
        <source>存证日志断裂</source>
        <translation>Evidence log broken</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/verify_dialog.py" line="35"/>
        <source>与存证日志不符</source>
        <translation>Differs from the evidence log</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/verify_dialog.py" line="36"/>
        <source>日志被改写或删减</source>
        <translation>Evidence log rewritten or cut short</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/verify_dialog.py" line="44"/>
        <source>校验完整性</source>
        <translation>Verify integrity</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/verify_dialog.py" line="46"/>
        <source>正在重新计算每个原始文件的哈希值并检查存证日志…</source>
        <translation>Re-hashing every original file and checking the evidence log…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/verify_dialog.py" line="50"/>
        <source>证据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/verify_dialog.py" line="50"/>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/verify_dialog.py" line="50"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/verify_dialog.py" line="55"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/verify_dialog.py" line="56"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/verify_dialog.py" line="94"/>
        <source>校验已取消，已检查 {n} 个文件。</source>
        <translation>Verification cancelled after {n} files.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/verify_dialog.py" line="97"/>
        <source>校验通过：{n} 个原始文件完好，存证日志 {m} 条记录完整。</source>
        <translation>All good: {n} original files intact, evidence log of {m} entries unbroken.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/verify_dialog.py" line="103"/>
        <source>发现 {k} 个问题（已检查 {n} 个文件）：</source>
        <translation>{k} problems found ({n} files checked):</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/verify_dialog.py" line="111"/>
        <source>{title}（ID {id}）</source>
        <translation>{title} (ID {id})</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/verify_dialog.py" line="115"/>
        <source>日志第 {n} 条</source>
        <translation>Log entry {n}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/verify_dialog.py" line="128"/>
        <source>校验未能完成。</source>
        <translation>Verification could not finish.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/verify_dialog.py" line="0"/>
        <source>重新制作打码副本</source>
        <translation>Make masked copies again</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/verify_dialog.py" line="0"/>
        <source>提示：</source>
        <translation>Note: </translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/verify_dialog.py" line="0"/>
        <source>已按存证日志登记的遮盖框重新制作 {n} 个打码副本。</source>
        <translation>{n} masked copies were made again from the boxes recorded in the evidence log.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/verify_dialog.py" line="0"/>
        <source>其中 {n} 个编码出的文件与原副本的 SHA-256 不同（图像库版本不同），已作为新副本登记在存证日志中。</source>
        <translation> {n} of them came out with a SHA-256 other than the old copy's (another version of the image library) and are recorded in the evidence log as new copies.</translation>
    </message>
</context>
<context>
    <name>Vocab</name>
    <message>
        <location filename="../../kami_desktop/gui/formatting.py" line="50"/>
        <source>资金流水</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/formatting.py" line="51"/>
        <source>平台交互</source>
        <translation>Platform contact</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/formatting.py" line="52"/>
        <source>未交付证明</source>
        <translation>Non-delivery</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/formatting.py" line="53"/>
        <source>主体信息</source>
        <translation>Operator identity</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/formatting.py" line="54"/>
        <source>平台规则</source>
        <translation>Platform rules</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/formatting.py" line="55"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/formatting.py" line="56"/>
        <source>隐性规则扣款</source>
        <translation>Hidden-rule deduction</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/formatting.py" line="57"/>
        <source>技术故障扣款</source>
        <translation>Technical-fault deduction</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/formatting.py" line="58"/>
        <source>恶意扣款</source>
        <translation>Malicious deduction</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/formatting.py" line="59"/>
        <source>未知</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>自动续费扣款</source>
        <translation>Auto-renewal deduction</translation>
    </message>
    <message>
        <source>付款后未交付</source>
        <translation>Paid but not delivered</translation>
    </message>
</context>
<context>
    <name>BulkEditPanel</name>
    <message>
        <source>保持不变</source>
        <translation>Keep as is</translation>
    </message>
    <message>
        <source>保持不变；填写后替换所选证据的标签，用逗号分隔</source>
        <translation>Keep as is; if filled in, replaces the tags of the selected exhibits (separate with commas)</translation>
    </message>
    <message>
        <source>只修改填写了的项目；可以用 Ctrl+Z 撤销。</source>
        <translation>Only the fields you fill in are changed; Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <source>证据类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>证明目的</source>
        <translation>Purpose of proof</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>已选中 {n} 项证据：统一修改</source>
        <translation>{n} exhibits selected: edit them together</translation>
    </message>
    <message>
        <source>应用到 {n} 项</source>
        <translation>Apply to {n} exhibits</translation>
    </message>
</context>
<context>
    <name>ChinaDateTimeField</name>
    <message>
        <source>未填写</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>中国时间（北京时间）；点右侧箭头打开日历</source>
        <translation>China time (Beijing); click the arrow for a calendar</translation>
    </message>
    <message>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>不填拍摄时间</source>
        <translation>Leave the capture time empty</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>恢复 {n} 项证据</source>
        <translation>restore {n} exhibits</translation>
    </message>
    <message>
        <source>删除 {n} 项证据</source>
        <translation>delete {n} exhibits</translation>
    </message>
    <message>
        <source>调整证据顺序</source>
        <translation>reorder exhibits</translation>
    </message>
    <message>
        <source>已调整证据顺序</source>
        <translation>Exhibit order changed</translation>
    </message>
    <message>
        <source>拆分证据</source>
        <translation>split exhibit</translation>
    </message>
    <message>
        <source>已拆分</source>
        <translation>Split</translation>
    </message>
    <message>
        <source>已撤销拆分</source>
        <translation>Split undone</translation>
    </message>
    <message>
        <source>合并 {n} 项证据</source>
        <translation>merge {n} exhibits</translation>
    </message>
    <message>
        <source>已合并</source>
        <translation>Merged</translation>
    </message>
    <message>
        <source>已撤销合并</source>
        <translation>Merge undone</translation>
    </message>
    <message>
        <source>移动文件</source>
        <translation>move a file</translation>
    </message>
    <message>
        <source>文件已移动</source>
        <translation>File moved</translation>
    </message>
    <message>
        <source>已撤销移动文件</source>
        <translation>File move undone</translation>
    </message>
</context>
<context>
    <name>ImportDispatcher</name>
    <message>
        <source>正在识别 {n} 个文件…</source>
        <translation>Recognising {n} files…</translation>
    </message>
    <message>
        <source>{n} 份账单 → 账单</source>
        <translation>{n} bills → Bills</translation>
    </message>
    <message>
        <source>{n} 份聊天记录 → 聊天记录</source>
        <translation>{n} chats → Chats</translation>
    </message>
    <message>
        <source>已识别 {what}：{names}</source>
        <translation>Recognised {what}: {names}</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>ExhibitViewer</name>
    <message>
        <source>◀ 上一项</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <source>上一项证据（PgUp）</source>
        <translation>Previous exhibit (PgUp)</translation>
    </message>
    <message>
        <source>下一项 ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <source>下一项证据（PgDn）</source>
        <translation>Next exhibit (PgDn)</translation>
    </message>
    <message>
        <source>适应窗口</source>
        <translation>Fit window</translation>
    </message>
    <message>
        <source>整张图片放进窗口（Ctrl+0）</source>
        <translation>Fit the whole picture in the window (Ctrl+0)</translation>
    </message>
    <message>
        <source>原始大小（Ctrl+1）</source>
        <translation>Actual size (Ctrl+1)</translation>
    </message>
    <message>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>放大（Ctrl+= 或滚轮）</source>
        <translation>Zoom in (Ctrl+= or the wheel)</translation>
    </message>
    <message>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>缩小（Ctrl+- 或滚轮）</source>
        <translation>Zoom out (Ctrl+- or the wheel)</translation>
    </message>
    <message>
        <source>全屏</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <source>全屏（F11，Esc 退出）</source>
        <translation>Full screen (F11, Esc leaves)</translation>
    </message>
    <message>
        <source>证据 {n}  {title} — 查看</source>
        <translation>Exhibit {n}  {title} — Viewer</translation>
    </message>
    <message>
        <source>证据 {n} 是{kind}文件，不是图片：请在右侧预览中查看，或用系统程序打开。</source>
        <translation>Exhibit {n} is a {kind} file, not a picture: see it in the preview on the right, or open it with the system's program.</translation>
    </message>
    <message>
        <source>这个文件无法显示为图片。</source>
        <translation>This file cannot be shown as a picture.</translation>
    </message>
    <message>
        <source>第 {i} / {n} 项</source>
        <translation>{i} of {n}</translation>
    </message>
    <message>
        <source>退出全屏</source>
        <translation>Leave full screen</translation>
    </message>
    <message>
        <source>文件 {k} / {m}</source>
        <translation>file {k} of {m}</translation>
    </message>
</context>
<context>
    <name>VideoFramesPanel</name>
    <message>
        <source>选为重点画面</source>
        <translation>Pick as key frame</translation>
    </message>
    <message>
        <source>选定的画面会在证据册中放大单独打印（如余额页面）</source>
        <translation>Picked frames are printed large on their own in the evidence binder (e.g. the balance page)</translation>
    </message>
    <message>
        <source>用系统程序播放（副本）</source>
        <translation>Play in another program (a copy)</translation>
    </message>
    <message>
        <source>正在截取画面…</source>
        <translation>Taking frames…</translation>
    </message>
    <message>
        <source>无法截取画面</source>
        <translation>Cannot take frames</translation>
    </message>
    <message>
        <source>取消重点画面</source>
        <translation>Unpick key frame</translation>
    </message>
    <message>
        <source>重点画面（证据册中放大打印）：{times}</source>
        <translation>Key frames (printed large in the binder): {times}</translation>
    </message>
    <message>
        <source>还没有选定重点画面：拖动滑块找到关键画面（如余额页面），点“选为重点画面”</source>
        <translation>No key frame picked yet: drag the slider to the frame that matters (e.g. the balance page) and click “Pick as key frame”</translation>
    </message>
    <message>
        <source>时长 {d}</source>
        <translation>Length {d}</translation>
    </message>
    <message>
        <source>音频 {a}</source>
        <translation>sound {a}</translation>
    </message>
    <message>
        <source>无音频</source>
        <translation>no sound</translation>
    </message>
    <message>
        <source>创建时间（视频信息）{t}</source>
        <translation>created (video metadata) {t}</translation>
    </message>
    <message>
        <source>视频信息中没有创建时间</source>
        <translation>no creation time in the video metadata</translation>
    </message>
</context>
<context>
    <name>SystemOpen</name>
    <message>
        <location filename="../../kami_desktop/gui/system_open.py" line="1"/>
        <source>无法打开文件夹</source>
        <translation>Cannot open the folder</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/system_open.py" line="1"/>
        <source>无法在文件管理器中打开这个文件夹：
{path}</source>
        <translation>This folder cannot be opened in the file manager:
{path}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/system_open.py" line="1"/>
        <source>“{suffix}”文件</source>
        <translation>“{suffix}” files</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/system_open.py" line="1"/>
        <source>这类文件</source>
        <translation>this type of file</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/system_open.py" line="1"/>
        <source>无法打开“{name}”：这台电脑上没有设置用来打开{kind}的程序。

文件在：
{path}

要打开所在文件夹吗？（可以在那里右键点这个文件，用“打开方式”选一个程序。）</source>
        <translation>Cannot open “{name}”: no program is set up on this computer to open {kind}.

The file is at:
{path}

Open the folder it is in? (There you can right-click the file and pick a program with “Open with”.)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/system_open.py" line="1"/>
        <source>无法打开文件</source>
        <translation>Cannot open the file</translation>
    </message>
</context>
</TS>
