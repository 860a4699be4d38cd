<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>BinderPreview</name>
    <message>
        <location filename="../../kami_desktop/gui/binder_preview.py" line="21"/>
        <source>生成后在此预览页面</source>
        <translation>The pages are previewed here once the binder is built</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/binder_preview.py" line="31"/>
        <source>第</source>
        <translation>Page</translation>
    </message>
</context>
<context>
    <name>BinderPrinter</name>
    <message>
        <location filename="../../kami_desktop/gui/binder_printer.py" line="34"/>
        <source>证据册</source>
        <translation>Evidence binder</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/binder_printer.py" line="64"/>
        <source>打印机无法开始打印（可能已被取消或不可用）</source>
        <translation>The printer could not start printing (it may have been cancelled or be unavailable)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/binder_printer.py" line="81"/>
        <source>打印第 {page} 页</source>
        <translation>Printing page {page}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/binder_printer.py" line="91"/>
        <source>打印证据册</source>
        <translation>Print evidence binder</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/binder_printer.py" line="104"/>
        <source>打印预览</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>共 {pages} 页 × {copies} 份</source>
        <translation>{pages} pages × {copies} copies</translation>
    </message>
    <message>
        <source>共 {pages} 页</source>
        <translation>{pages} pages</translation>
    </message>
    <message>
        <source>打印预览（{caption}）</source>
        <translation>Print preview ({caption})</translation>
    </message>
    <message>
        <source>正在准备打印预览：{caption}……</source>
        <translation>Preparing the print preview: {caption}…</translation>
    </message>
</context>
<context>
    <name>DossierCoverForm</name>
    <message>
        <location filename="../../kami_desktop/gui/dossier_cover_form.py" line="49"/>
        <source>如：原告 张三（留空则打印空白横线，手写填写）</source>
        <translation>e.g. 原告 张三 (if left empty, a blank line is printed to fill in by hand)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_cover_form.py" line="53"/>
        <source>立案后才有，可留空</source>
        <translation>Given once the case is filed; may be left empty</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_cover_form.py" line="58"/>
        <source>案情简述（可选，单独一页）</source>
        <translation>Brief account of the case (optional; printed on a page of its own)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_cover_form.py" line="60"/>
        <source>把原始文件作为附件嵌入 PDF</source>
        <translation>Embed the original files in the PDF as attachments</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_cover_form.py" line="72"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_cover_form.py" line="83"/>
        <source>提交人</source>
        <translation>Submitted by</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_cover_form.py" line="84"/>
        <source>受理法院</source>
        <translation>Court</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_cover_form.py" line="85"/>
        <source>案由</source>
        <translation>Cause of action</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_cover_form.py" line="86"/>
        <source>案号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_cover_form.py" line="87"/>
        <source>提交日期</source>
        <translation>Date submitted</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_cover_form.py" line="88"/>
        <source>案情简述</source>
        <translation>Case summary</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_cover_form.py" line="91"/>
        <source>总大小上限</source>
        <translation>Total size limit</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_cover_form.py" line="93"/>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_cover_form.py" line="94"/>
        <source>另存网上立案用的文件（每件证据一个 PDF，证据目录单独一个）</source>
        <translation>Also save files for online filing (one PDF per exhibit, plus the evidence list on its own)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_cover_form.py" line="95"/>
        <source>网上立案</source>
        <translation>Online filing</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_cover_form.py" line="98"/>
        <source>份（法院 1 份 + 每名被告 1 份 + 自留 1 份）</source>
        <translation>copies (1 for the court + 1 per defendant + 1 for you)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_cover_form.py" line="99"/>
        <source>打印份数</source>
        <translation>Copies to print</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_cover_form.py" line="103"/>
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_cover_form.py" line="47"/>
        <source>封面与选项</source>
        <translation>Cover and options</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_cover_form.py" line="107"/>
        <source>选择保存证据册的文件夹</source>
        <translation>Choose the folder to save the evidence binder in</translation>
    </message>
</context>
<context>
    <name>DossierDialog</name>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="71"/>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="183"/>
        <source>生成证据册</source>
        <translation>Build evidence binder</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="86"/>
        <source>{title}（{n} 个文件）</source>
        <translation>{title} (files: {n})</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="91"/>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="91"/>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="98"/>
        <source>证据（勾选编入，拖动或用按钮调整顺序）：</source>
        <translation>Exhibits (tick to include; drag or use the buttons to reorder):</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="179"/>
        <source>正在检查原始文件…</source>
        <translation>Checking the original files…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="186"/>
        <source>取消生成</source>
        <translation>Cancel build</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="189"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="191"/>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="193"/>
        <source>打开PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="195"/>
        <source>打开所在文件夹</source>
        <translation>Open containing folder</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="197"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="255"/>
        <source>检查通过：{n} 个原始文件完好。</source>
        <translation>Check passed: {n} original files intact.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="258"/>
        <source>生成前请注意（{n} 项）：</source>
        <translation>Please note before building (issues: {n}):</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="259"/>
        <source>缺失</source>
        <translation>missing</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="259"/>
        <source>被改动</source>
        <translation>altered</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="259"/>
        <source>可能损坏</source>
        <translation>possibly damaged</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="260"/>
        <source>无文件</source>
        <translation>no files</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="260"/>
        <source>信息不全</source>
        <translation>incomplete</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="261"/>
        <source>· [{kind}] 证据{number}《{title}》：{detail}</source>
        <translation>· [{kind}] Exhibit {number} “{title}”: {detail}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="265"/>
        <source>……另有 {n} 项</source>
        <translation>… and {n} more</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="268"/>
        <source>可以生成证据册。</source>
        <translation>Ready to build the evidence binder.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="274"/>
        <source>证据册</source>
        <translation>Evidence binder</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="274"/>
        <source>请至少勾选一件证据。</source>
        <translation>Please tick at least one exhibit.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="283"/>
        <source>正在生成证据册…</source>
        <translation>Building the evidence binder…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="289"/>
        <source>证据{number}《{title}》{name}：{detail}</source>
        <translation>Exhibit {number} “{title}” {name}: {detail}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="291"/>
        <source>原始文件有问题</source>
        <translation>Problems with original files</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="292"/>
        <source>以下原始文件缺失或已被改动：
{names}

仍然生成吗？这些文件所在的页面会注明“无法打印”，证据包中也不会包含它们。</source>
        <translation>These original files are missing or have been altered:
{names}

Build anyway? Their pages will be marked “无法打印” (cannot be printed), and the evidence bundle will not include them.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="298"/>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="316"/>
        <source>已生成：{pdf}（共 {pages} 页，证据 {n} 件）</source>
        <translation>Built: {pdf} (pages: {pages}, exhibits: {n})</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="319"/>
        <source>网上立案用文件 {n} 个：{folder}</source>
        <translation>Files for online filing: {n} in {folder}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="337"/>
        <source>已取消，没有留下不完整的文件。</source>
        <translation>Cancelled; no incomplete files were left behind.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="344"/>
        <source>证据册未能生成。</source>
        <translation>The evidence binder could not be built.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="368"/>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="375"/>
        <source>已送往打印机：{n} 页。</source>
        <translation>Sent to the printer (pages: {n}).</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="379"/>
        <source>打印已取消。</source>
        <translation>Printing cancelled.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/dossier_dialog.py" line="381"/>
        <source>打印未能完成。</source>
        <translation>Printing could not finish.</translation>
    </message>
    <message>
        <source>本软件的提示（只在这里和“内部提示”文件中显示，不印在证据册上）：</source>
        <translation>Advice from this app (shown only here and in the “internal notes” file, never printed in the binder):</translation>
    </message>
    <message>
        <source>给你的提示另存于：{tips}（不提交法院）</source>
        <translation>Advice for you saved in: {tips} (not for filing)</translation>
    </message>
</context>
</TS>
