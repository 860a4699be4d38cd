<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>DocumentsDialog</name>
    <message>
        <source>合同成立时的LPR（默认）</source>
        <translation>LPR at contract formation (default)</translation>
    </message>
    <message>
        <source>同期LPR（调整时分段计算）</source>
        <translation>LPR in force each day (in segments when it changes)</translation>
    </message>
    <message>
        <source>预付式消费解释第十六条、第十七条：整个计息期间适用合同成立时的一年期LPR</source>
        <translation>Prepaid-consumption interpretation arts. 16–17: the one-year LPR at contract formation for the whole period</translation>
    </message>
    <message>
        <source>各日适用当时有效的一年期LPR，LPR调整时分段计算</source>
        <translation>Each day at the one-year LPR then in force, in segments when the LPR changes</translation>
    </message>
    <message>
        <source>合同成立日</source>
        <translation>Contract formed on</translation>
    </message>
    <message>
        <source>不指定时按首次充值日</source>
        <translation>When not given: the first top-up date</translation>
    </message>
    <message>
        <source>利率</source>
        <translation>Interest rate</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="71"/>
        <source>生成文书</source>
        <translation>Generate documents</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="75"/>
        <source>退款催告函</source>
        <translation>Refund demand letter</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="75"/>
        <source>12315投诉填写单</source>
        <translation>12315 complaint form</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="76"/>
        <source>黑猫投诉文本</source>
        <translation>Heimao complaint text</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="76"/>
        <source>民事起诉状</source>
        <translation>Statement of claim</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="77"/>
        <source>民事起诉状（要素式）</source>
        <translation>Statement of claim (elements form)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="77"/>
        <source>证据目录</source>
        <translation>List of exhibits</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="80"/>
        <source>Word 和 PDF</source>
        <translation>Word and PDF</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="80"/>
        <source>Word（DOCX，可编辑）</source>
        <translation>Word (DOCX, editable)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="81"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="86"/>
        <source> 个工作日</source>
        <translation> working days</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="87"/>
        <source>同时作为解除合同通知</source>
        <translation>Also give notice of contract termination</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="88"/>
        <source>指定</source>
        <translation>Specify</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="92"/>
        <source>填写</source>
        <translation>Specify</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="97"/>
        <source>如：杭州市西湖区人民法院（留空则在文书中留出待填写处）</source>
        <translation>e.g. 杭州市西湖区人民法院 (if left empty, the document keeps a blank to fill in)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="99"/>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="103"/>
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="104"/>
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="105"/>
        <source>催告期限</source>
        <translation>Deadline to pay</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="106"/>
        <source>利息起算日</source>
        <translation>Interest from</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="107"/>
        <source>文书日期</source>
        <translation>Document date</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="108"/>
        <source>受诉法院</source>
        <translation>Court</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="109"/>
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="111"/>
        <source>待填写的信息</source>
        <translation>Information still missing</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="116"/>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="143"/>
        <source>说明与提醒</source>
        <translation>Notes and reminders</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="122"/>
        <source>生成</source>
        <translation>Generate</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="125"/>
        <source>导出12315附件</source>
        <translation>Export 12315 attachments</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="127"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="129"/>
        <source>打开所在文件夹</source>
        <translation>Open containing folder</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="131"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="145"/>
        <source>已生成的文件</source>
        <translation>Generated files</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="218"/>
        <source>待填写的信息（%n 项，文书中以黄色【待填写】标出）</source>
        <translation>
            <numerusform>Information still missing (%n item, marked 【待填写】 in yellow in the document)</numerusform>
            <numerusform>Information still missing (%n items, marked 【待填写】 in yellow in the document)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="219"/>
        <source>待填写的信息：无</source>
        <translation>Information still missing: none</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="223"/>
        <source>选择保存文书的文件夹</source>
        <translation>Choose the folder to save the documents in</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="234"/>
        <source>正在生成…</source>
        <translation>Generating…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="241"/>
        <source>正在导出附件…</source>
        <translation>Exporting attachments…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="243"/>
        <source>黑猫投诉附件</source>
        <translation>Heimao attachments</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="243"/>
        <source>12315附件</source>
        <translation>12315 attachments</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="259"/>
        <source>已生成 %n 个文件。</source>
        <translation>
            <numerusform>%n file generated.</numerusform>
            <numerusform>%n files generated.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="261"/>
        <source>文书中还有 %n 处待填写。</source>
        <translation>
            <numerusform> %n blank is still to be filled in.</numerusform>
            <numerusform> %n blanks are still to be filled in.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="267"/>
        <source>已导出 %n 个附件（每个不超过 2 MB，原始证据未改动）。</source>
        <translation>
            <numerusform>%n attachment exported (at most 2 MB each; the original evidence is unchanged).</numerusform>
            <numerusform>%n attachments exported (at most 2 MB each; the original evidence is unchanged).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="271"/>
        <source>未能完成。</source>
        <translation>Could not finish.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="276"/>
        <source>无法写入 %1：%2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/documents_dialog.py" line="277"/>
        <source>无法生成</source>
        <translation>Cannot generate</translation>
    </message>
    <message>
        <source>另有“内部提示”文件，仅供你自己参考，不寄出、不提交。</source>
        <translation>There are also “internal advice” files: for you only, not to send or file.</translation>
    </message>
</context>
</TS>
