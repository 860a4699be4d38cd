<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ContentSearchPane</name>
    <message>
        <location filename="../../kami_desktop/gui/content_search.py" line="55"/>
        <source>截图文字</source>
        <translation>Screenshot text</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/content_search.py" line="56"/>
        <source>名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/content_search.py" line="57"/>
        <source>证明目的</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/content_search.py" line="58"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/content_search.py" line="59"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/content_search.py" line="60"/>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/content_search.py" line="61"/>
        <source>聊天记录</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/content_search.py" line="62"/>
        <source>账单</source>
        <translation>Bill</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/content_search.py" line="91"/>
        <source>证据 {n} · {kind} · {snippet}</source>
        <translation>Exhibit {n} · {kind} · {snippet}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/content_search.py" line="98"/>
        <source>内容中找到 {n} 处以上，只列出前 {n} 处（点击查看所在位置）</source>
        <translation>More than {n} matches in the content; the first {n} are listed (click one to see where it is)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/content_search.py" line="100"/>
        <source>内容中找到 {n} 处（点击查看所在位置）</source>
        <translation>{n} matches in the content (click one to see where it is)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/content_search.py" line="110"/>
        <source>内容搜索失败：{error}</source>
        <translation>Content search failed: {error}</translation>
    </message>
</context>
</TS>
