<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>SuggestionDialog</name>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_dialog.py" line="49"/>
        <source>按识别结果整理</source>
        <translation>Organise by recognised text</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_dialog.py" line="52"/>
        <source>证据</source>
        <translation>Exhibit</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_dialog.py" line="53"/>
        <source>证据类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_dialog.py" line="54"/>
        <source>名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_dialog.py" line="55"/>
        <source>证明目的</source>
        <translation>Purpose of proof</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_dialog.py" line="56"/>
        <source>画面时间</source>
        <translation>Time on screen</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_dialog.py" line="68"/>
        <source>证据 {n}</source>
        <translation>Exhibit {n}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_dialog.py" line="89"/>
        <source>勾选要采用的建议（取消勾选左列则整行不采用）。只建议您还没有填写的内容；采用后可以用 Ctrl+Z 撤销。</source>
        <translation>Tick the suggestions to accept (untick the left column to skip a whole row). Only what you have not filled in yet is suggested; Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_dialog.py" line="92"/>
        <source>这些证据没有可采用的识别建议（截图可能还没有识别文字，或相应内容已经填写）。</source>
        <translation>These exhibits have no suggestions to accept (their text may not have been read yet, or those fields are already filled in).</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_dialog.py" line="99"/>
        <source>采用所选</source>
        <translation>Accept selected</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_dialog.py" line="101"/>
        <source>忽略所选</source>
        <translation>Dismiss selected</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_dialog.py" line="103"/>
        <source>勾选的建议不对：不再提出（截图的识别文字改变后会重新建议）；可以用 Ctrl+Z 撤销</source>
        <translation>The ticked suggestions are wrong: stop offering them (new ones are offered if the screenshot&apos;s text changes); Ctrl+Z undoes it</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_dialog.py" line="144"/>
        <location filename="../../kami_desktop/gui/suggestion_dialog.py" line="152"/>
        <source>按识别结果整理…</source>
        <translation>Organise by recognised text…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_dialog.py" line="154"/>
        <source>按截图中识别出的文字，为全部证据（多选时为所选证据）建议类别、名称、证明目的和画面时间</source>
        <translation>From the text read in the screenshots, suggest the category, title, purpose of proof and time on screen for all exhibits (the selected ones when several are selected)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_dialog.py" line="210"/>
        <source>采用识别建议（{n} 项证据）</source>
        <translation>Accept suggestions ({n} exhibits)</translation>
    </message>
</context>
<context>
    <name>SuggestionPanel</name>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_panel.py" line="56"/>
        <source>识别建议</source>
        <translation>Suggestions from the screenshot</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_panel.py" line="67"/>
        <source>全部采用</source>
        <translation>Accept all</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_panel.py" line="68"/>
        <source>保存以上全部建议；可以用 Ctrl+Z 撤销</source>
        <translation>Save all the suggestions above; Ctrl+Z undoes it</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_panel.py" line="70"/>
        <source>全部忽略</source>
        <translation>Dismiss all</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_panel.py" line="72"/>
        <source>以上建议都不对：不再提出（截图的识别文字改变后会重新建议）；可以用 Ctrl+Z 撤销</source>
        <translation>None of the suggestions above is right: stop offering them (new ones are offered if the screenshot&apos;s text changes); Ctrl+Z undoes it</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_panel.py" line="77"/>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_panel.py" line="78"/>
        <source>重新显示被忽略的建议</source>
        <translation>Offer the dismissed suggestions again</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_panel.py" line="81"/>
        <source>根据截图中识别出的文字提出，采用后才会保存。</source>
        <translation>Suggested from the text read in the screenshot; nothing is saved until you accept.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_panel.py" line="128"/>
        <source>证据类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_panel.py" line="129"/>
        <source>名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_panel.py" line="130"/>
        <source>证明目的</source>
        <translation>Purpose of proof</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_panel.py" line="131"/>
        <source>画面时间</source>
        <translation>Time on screen</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_panel.py" line="159"/>
        <source>
现在：{current}</source>
        <translation>
Now: {current}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_panel.py" line="161"/>
        <source>采用</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_panel.py" line="165"/>
        <source>忽略</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_panel.py" line="167"/>
        <source>这条建议不对：不再提出；可以用 Ctrl+Z 撤销</source>
        <translation>This suggestion is wrong: stop offering it; Ctrl+Z undoes it</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_panel.py" line="176"/>
        <source>对应账单：{where} {time} ¥{amount}（{reason}）</source>
        <translation>Matching bill row: {where} {time} ¥{amount} ({reason})</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_panel.py" line="184"/>
        <source>在账单中查看</source>
        <translation>Show in bills</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_panel.py" line="194"/>
        <source>添加为主张项…</source>
        <translation>Add as claim item…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_panel.py" line="203"/>
        <source>已忽略 {n} 项建议：{names}</source>
        <translation>{n} suggestion(s) dismissed: {names}</translation>
    </message>
</context>
<context>
    <name>SuggestionUndo</name>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_undo.py" line="68"/>
        <source>恢复被忽略的识别建议（{n} 项证据）</source>
        <translation>Restore dismissed suggestions ({n} exhibits)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_undo.py" line="70"/>
        <source>忽略识别建议（{n} 项证据）</source>
        <translation>Dismiss suggestions ({n} exhibits)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_undo.py" line="47"/>
        <source>已重做：{text}</source>
        <translation>Redone: {text}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_undo.py" line="50"/>
        <source>已撤销：{text}</source>
        <translation>Undone: {text}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/suggestion_undo.py" line="77"/>
        <source>{text}，已记入存证日志；按 Ctrl+Z 可撤销</source>
        <translation>{text}: recorded in the evidence log; Ctrl+Z to undo</translation>
    </message>
</context>
<context>
    <name>TriageLinks</name>
    <message>
        <location filename="../../kami_desktop/gui/triage_links.py" line="34"/>
        <source>证据 {n}</source>
        <translation>Exhibit {n}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/triage_links.py" line="39"/>
        <source>对应的截图：{names}</source>
        <translation>Matching screenshots: {names}</translation>
    </message>
</context>
</TS>
