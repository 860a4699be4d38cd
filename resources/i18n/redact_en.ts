<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>MaskCanvas</name>
    <message>
        <location filename="../../kami_desktop/gui/redact_canvas.py" line="186"/>
        <source>手动添加</source>
        <translation>Added by hand</translation>
    </message>
</context>
<context>
    <name>RedactDialog</name>
    <message>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="71"/>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="179"/>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="352"/>
        <source>制作打码副本</source>
        <translation>Make masked copies</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="88"/>
        <source>删除所选框（Del）</source>
        <translation>Delete the selected box (Del)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="90"/>
        <source>也遮盖订单号、交易单号（保留末4位）</source>
        <translation>Also mask order and transaction numbers (keep the last 4)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="93"/>
        <source>纯色遮盖</source>
        <translation>Solid</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="94"/>
        <source>马赛克</source>
        <translation>Mosaic</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="96"/>
        <source>识别文字</source>
        <translation>Read the text</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="98"/>
        <source>上一张</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="100"/>
        <source>下一张</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="102"/>
        <source>保存副本</source>
        <translation>Save copy</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="110"/>
        <source>导出上传文件夹…</source>
        <translation>Export folder for upload…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="113"/>
        <source>把本案的打码副本和文件清单导出到一个文件夹，供上传；没有副本的图片不导出，只在清单中列出。</source>
        <translation>Export the case&apos;s masked copies and a file list to a folder for upload; images without a copy are not exported, only listed.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="119"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="127"/>
        <source>遮盖框（在图片空白处拖动可添加；拖动框可移动，拖动角可调整大小）。框在这里半透明，便于核对；保存的副本中完全遮盖：</source>
        <translation>Boxes to mask (drag on an empty area to add one; drag a box to move it, a corner to resize it). They are see-through here so you can check them; the saved copy covers them completely:</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="137"/>
        <source>遮盖方式：</source>
        <translation>Style:</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="208"/>
        <source>未包括：</source>
        <translation>Not included:</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="219"/>
        <source>证据{n}</source>
        <translation>Exhibit {n}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="219"/>
        <source>回收站中的证据</source>
        <translation>Exhibit in the trash</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="247"/>
        <source>所选证据中没有可以打码的图片。</source>
        <translation>The selected exhibits hold no image that can be masked.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="255"/>
        <source>{exhibit} 的 {file}（第 {i} / {n} 张）</source>
        <translation>{file} of {exhibit} ({i} of {n})</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="265"/>
        <source>这张图片还没有识别文字：可以先“识别文字”，也可以直接在图片上框选要遮盖的内容。</source>
        <translation>The text of this image has not been read yet: use “Read the text” first, or draw the boxes to mask on the image yourself.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="329"/>
        <source>正在识别文字…</source>
        <translation>Reading the text…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="352"/>
        <source>还没有遮盖框：请在图片上框选要遮盖的内容。</source>
        <translation>There is no box yet: draw a box on the image around what should be masked.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="177"/>
        <source>有 {n} 张图片的遮盖框改动还没有保存为副本，关闭后这些改动会丢失。仍要关闭吗？</source>
        <translation>The boxes changed on {n} image(s) have not been saved as a copy yet; closing loses those changes. Close anyway?</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="300"/>
        <source>遮盖框改动后还没有保存：已保存的副本是改动之前的样子；点“保存副本”另存一份新的副本。</source>
        <translation>The boxes have changed and are not saved: the copy already saved shows them as they were before; click Save copy to save a new copy.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_export.py" line="32"/>
        <source>有 {n} 张图片的遮盖框改动还没有保存：导出的是已保存的副本（改动之前的样子）。仍要导出吗？</source>
        <translation>The boxes changed on {n} image(s) are not saved: the export holds the copies already saved (as they were before the changes). Export anyway?</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_export.py" line="86"/>
        <source>没有导出任何图片：本案还没有保存过打码副本。请先核对每张图片上的遮盖框，点“保存副本”，再导出。</source>
        <translation>No picture was exported: no masked copy of this case has been saved yet. Check the boxes on each image, click Save copy, then export.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="361"/>
        <source>正在保存副本…</source>
        <translation>Saving the copy…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="385"/>
        <source>已保存打码副本（{n} 处，{style}），原件未改动。副本 SHA-256：{sha}…</source>
        <translation>Masked copy saved ({n} boxes, {style}); the original is unchanged. Copy SHA-256: {sha}…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="393"/>
        <source>导出到哪个文件夹</source>
        <translation>Export to which folder</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_export.py" line="92"/>
        <source>已导出 {n} 个打码副本到：
{folder}

文件清单.txt 写明了每个副本出自哪件证据、原件和副本的 SHA-256。</source>
        <translation>Exported {n} masked copies to:
{folder}

文件清单.txt (the file list) names for each copy its exhibit and the SHA-256 of the original and of the copy.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_export.py" line="97"/>
        <source>未导出 {n} 个文件（见文件清单）。</source>
        <translation>{n} files were not exported (see the file list).</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_export.py" line="27"/>
        <location filename="../../kami_desktop/gui/redact_export.py" line="69"/>
        <source>导出上传文件夹</source>
        <translation>Export folder for upload</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="400"/>
        <source>黑猫投诉</source>
        <translation>Heimao Tousu</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="401"/>
        <source>聚投诉</source>
        <translation>Jutousu</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_dialog.py" line="402"/>
        <source>全国12315平台</source>
        <translation>National 12315 platform</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_export.py" line="42"/>
        <source>本案有 {n} 个打码副本不在本机（从不含打码副本的旧版备份恢复后会这样；原件完好）。要先按存证日志登记的遮盖框重新制作，再导出吗？</source>
        <translation>{n} masked copies of this case are not on this computer (this happens after restoring an older backup that did not hold masked copies; the originals are intact). Make them again from the boxes recorded in the evidence log before exporting?</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/redact_export.py" line="75"/>
        <source>已导出 {n} 个文件；{k} 个打码副本不在本机（从不含打码副本的旧版备份恢复后会这样），未导出。可在“校验完整性”窗口点“重新制作打码副本”后再导出。</source>
        <translation>{n} files exported; {k} masked copies are not on this computer (this happens after restoring an older backup that did not hold masked copies) and were not exported. Press “Make masked copies again” in the integrity check window, then export again.</translation>
    </message>
</context>
</TS>
