<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>OcrProgress</name>
    <message>
        <location filename="../../kami_desktop/gui/ocr_runner.py" line="35"/>
        <source>停止识别</source>
        <translation>Stop reading</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/ocr_runner.py" line="36"/>
        <source>已识别的文字会保留，下次打开案件时继续识别其余截图</source>
        <translation>Text already read is kept; the other screenshots are read the next time the case is opened</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/ocr_runner.py" line="50"/>
        <source>正在识别截图文字 {done}/{total}</source>
        <translation>Reading screenshot text {done}/{total}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/ocr_runner.py" line="55"/>
        <source>（{case}）</source>
        <translation> ({case})</translation>
    </message>
</context>
<context>
    <name>OcrRunner</name>
    <message>
        <location filename="../../kami_desktop/gui/ocr_runner.py" line="95"/>
        <source>正在停止识别…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/ocr_runner.py" line="120"/>
        <source>截图文字识别完成：{read} 个文件</source>
        <translation>Screenshot text read: {read} file(s)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/ocr_runner.py" line="122"/>
        <source>，{failed} 个无法识别</source>
        <translation>, {failed} could not be read</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/ocr_runner.py" line="124"/>
        <source>已停止识别截图文字（已识别的会保留）</source>
        <translation>Stopped reading screenshot text (what was read is kept)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/ocr_runner.py" line="134"/>
        <source>没有需要识别的截图：本案的截图文字都已识别</source>
        <translation>Nothing to read: the text of every screenshot in this case has been read</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/ocr_runner.py" line="130"/>
        <source>无法识别截图文字：{reason}</source>
        <translation>Cannot read screenshot text: {reason}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/ocr_runner.py" line="133"/>
        <source>识别截图文字时出错，详情见日志</source>
        <translation>Reading screenshot text failed; see the log for details</translation>
    </message>
</context>
<context>
    <name>OcrTextView</name>
    <message>
        <location filename="../../kami_desktop/gui/ocr_text_view.py" line="24"/>
        <source>软件识别的文字（自动识别，可能有错字；仅用于搜索和整理建议，不是证据）</source>
        <translation>Text read by the software (machine-read, may contain errors; for search and suggestions only, not evidence)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/ocr_text_view.py" line="52"/>
        <source>无法识别：{reason}</source>
        <translation>Could not be read: {reason}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/ocr_text_view.py" line="54"/>
        <source>（没有识别出文字）</source>
        <translation>(no text found)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/ocr_text_view.py" line="58"/>
        <source>— 第 {n} 页 —</source>
        <translation>— page {n} —</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/ocr_text_view.py" line="60"/>
        <source>（尚未识别：导入和打开案件后会在后台识别；也可以点菜单“证据 → 识别截图文字”）</source>
        <translation>(not read yet: screenshots are read in the background after an import and when a case opens; you can also use Evidence → Read text in screenshots)</translation>
    </message>
</context>
</TS>
