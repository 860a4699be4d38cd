<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>BillTableModel</name>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="59"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="59"/>
        <source>交易对方</source>
        <translation>Counterparty</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="59"/>
        <source>商品说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="59"/>
        <source>收/支</source>
        <translation>In/out</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="59"/>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="60"/>
        <source>交易状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="60"/>
        <source>平台对账</source>
        <translation>Reconciliation</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="60"/>
        <source>出处</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="61"/>
        <source>付款</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="61"/>
        <source>退款</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="61"/>
        <source>未付款</source>
        <translation>Not paid</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="62"/>
        <source>不计入</source>
        <translation>Not counted</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="111"/>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="177"/>
        <source>账单 {bill} 第 {row} 行</source>
        <translation>Bill {bill}, row {row}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="112"/>
        <source>第 {row} 行</source>
        <translation>row {row}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="138"/>
        <source>这笔交易也出现在另一份账单中，只计算一次</source>
        <translation>This transaction also appears in another bill; it is counted once</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="179"/>
        <source>重复（已在另一份账单中计入）</source>
        <translation>Duplicate (already counted in another bill)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="185"/>
        <source>{role} → 对应{where}的付款</source>
        <translation>{role} → payment in {where}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="188"/>
        <source>{role}（已退款 ¥{amount}）</source>
        <translation>{role} (¥{amount} refunded)</translation>
    </message>
</context>
<context>
    <name>BillsView</name>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="68"/>
        <source>导入账单…</source>
        <translation>Import bill…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="69"/>
        <source>支付宝或微信支付导出的账单：邮件里的压缩包，或其中的 CSV / XLSX 文件</source>
        <translation>A bill exported from Alipay or WeChat Pay: the zip file from the e-mail, or the CSV / XLSX file inside it</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="71"/>
        <source>只看平台交易</source>
        <translation>Platform transactions only</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="73"/>
        <source>标记为平台</source>
        <translation>Mark as platform</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="74"/>
        <source>把选中交易的交易对方算作平台，计入付款和退款</source>
        <translation>Count the selected transaction&apos;s counterparty as the platform, in payments and refunds</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="76"/>
        <source>取消平台标记</source>
        <translation>Unmark platform</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="77"/>
        <source>不再把选中交易的交易对方算作平台（删除包含在其名称中的关键词）</source>
        <translation>Stop counting the selected transaction&apos;s counterparty as the platform (removes the keywords found in its name)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="79"/>
        <source>平台关键词…</source>
        <translation>Platform keywords…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="81"/>
        <source>设为主张金额</source>
        <translation>Use as claimed amount</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="82"/>
        <source>把净额（向平台付款 − 平台退款）设为本案的主张金额</source>
        <translation>Make the net amount (payments to the platform − refunds from it) this case&apos;s claimed amount</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="139"/>
        <source>选择账单文件</source>
        <translation>Choose bill file</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="140"/>
        <source>账单文件 (*.zip *.csv *.xlsx);;所有文件 (*)</source>
        <translation>Bill files (*.zip *.csv *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="144"/>
        <source>“{name}”的解压密码不正确，请重新输入：</source>
        <translation>The password for “{name}” is wrong. Please enter it again:</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="145"/>
        <source>“{name}”是加密的压缩包。
支付宝的密码在支付宝 App 消息中，微信支付的密码在“微信支付”公众号消息中。
请输入解压密码：</source>
        <translation>“{name}” is an encrypted zip file.
Alipay sends the password as a message in the Alipay app; WeChat Pay sends it through its official account “微信支付”.
Please enter the password:</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="147"/>
        <source>需要解压密码</source>
        <translation>Password required</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="151"/>
        <source>平台关键词</source>
        <translation>Platform keywords</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="152"/>
        <source>交易对方或商品说明中包含这些文字的交易算作平台交易（用逗号分隔）：</source>
        <translation>Transactions whose counterparty or description contains any of these words count as platform transactions (separate them with commas):</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="153"/>
        <source>，</source>
        <comment>separator of the keywords in the input box</comment>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="204"/>
        <source>还没有导入账单。点击“导入账单…”，选择支付宝或微信支付导出的账单文件。</source>
        <translation>No bill imported yet. Click “Import bill…” and choose a bill exported from Alipay or WeChat Pay.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="212"/>
        <source>（首笔 {first}，末笔 {last}）</source>
        <translation> (first {first}, last {last})</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="215"/>
        <source>平台交易：付款 {np} 笔 ¥{paid} − 退款 {nr} 笔 ¥{refunded} = &lt;b&gt;净额 ¥{net}&lt;/b&gt;{span}</source>
        <translation>Platform transactions: paid ¥{paid} (×{np}) − refunded ¥{refunded} (×{nr}) = &lt;b&gt;net ¥{net}&lt;/b&gt;{span}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="219"/>
        <source>没有平台交易：请选中平台的一笔交易，点“标记为平台”。</source>
        <translation>No platform transactions: select one of the platform&apos;s transactions and click “Mark as platform”.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="220"/>
        <location filename="../../kami_desktop/gui/bills_view.py" line="283"/>
        <source>（未指定）</source>
        <translation>(none set)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="221"/>
        <source>平台关键词：{terms}&#x3000;&#x3000;账单 {n} 份，交易 {rows} 笔</source>
        <translation>Platform keywords: {terms}&#x2003;&#x2003;Bills: {n}, transactions: {rows}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="224"/>
        <source>本案主张金额：{amount}</source>
        <translation>Claimed amount: {amount}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="225"/>
        <source>未填写</source>
        <translation>not set</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="229"/>
        <source>⚠ 证据效力提示</source>
        <translation>⚠ How strong this evidence is</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="283"/>
        <source>平台关键词：{terms}</source>
        <translation>Platform keywords: {terms}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="299"/>
        <source>不再把“{name}”算作平台</source>
        <translation>Stop counting “{name}” as the platform</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="301"/>
        <source>把“{name}”算作平台</source>
        <translation>Count “{name}” as the platform</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="304"/>
        <source>转到对应的原付款</source>
        <translation>Go to the original payment</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="318"/>
        <source>主张金额已设为 ¥{amount}（已记入存证日志）</source>
        <translation>Claimed amount set to ¥{amount} (recorded in the evidence log)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="330"/>
        <source>正在读取账单 {name}…</source>
        <translation>Reading bill {name}…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="347"/>
        <source>这份账单已经导入过（证据 {ex}），没有重复添加。</source>
        <translation>This bill was imported before (exhibit {ex}); it was not added again.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="349"/>
        <source>已导入《{title}》：{n} 笔交易（证据 {ex}）</source>
        <translation>Imported “{title}” as exhibit {ex}; transactions: {n}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="362"/>
        <source>已取消导入。</source>
        <translation>Import cancelled.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="364"/>
        <source>未导入：{reason}</source>
        <translation>Not imported: {reason}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="365"/>
        <source>无法导入账单</source>
        <translation>Cannot import the bill</translation>
    </message>
</context>
</TS>
