<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>BillTableModel</name>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="62"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="63"/>
        <source>交易对方</source>
        <translation>Counterparty</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="64"/>
        <source>商品说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="65"/>
        <source>收/支</source>
        <translation>In/out</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="66"/>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="67"/>
        <source>交易状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="68"/>
        <source>平台对账</source>
        <translation>Reconciliation</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="69"/>
        <source>出处</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="72"/>
        <source>付款</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="73"/>
        <source>退款</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="74"/>
        <source>未付款</source>
        <translation>Not paid</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="75"/>
        <source>不计入</source>
        <translation>Not counted</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="125"/>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="197"/>
        <source>账单 {bill} 第 {row} 行</source>
        <translation>Bill {bill}, row {row}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="126"/>
        <source>第 {row} 行</source>
        <translation>row {row}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="152"/>
        <source>这笔交易也出现在另一份账单中，只计算一次</source>
        <translation>This transaction also appears in another bill; it is counted once</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="199"/>
        <source>重复（已在另一份账单中计入）</source>
        <translation>Duplicate (already counted in another bill)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="205"/>
        <source>{role} → 对应{where}的付款</source>
        <translation>{role} → payment in {where}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bill_table_model.py" line="208"/>
        <source>{role}（已退款 ¥{amount}）</source>
        <translation>{role} (¥{amount} refunded)</translation>
    </message>
</context>
<context>
    <name>BillsView</name>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="67"/>
        <source>导入账单…</source>
        <translation>Import bill…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="69"/>
        <source>支付宝或微信支付导出的账单：邮件里的压缩包，或其中的 CSV / XLSX 文件</source>
        <translation>A bill exported from Alipay or WeChat Pay: the zip file from the e-mail, or the CSV / XLSX file inside it</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="72"/>
        <source>只看平台交易</source>
        <translation>Platform transactions only</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="139"/>
        <source>选择账单文件</source>
        <translation>Choose bill file</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="139"/>
        <source>账单文件 (*.zip *.csv *.xlsx);;所有文件 (*)</source>
        <translation>Bill files (*.zip *.csv *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="145"/>
        <source>“{name}”的解压密码不正确，请重新输入：</source>
        <translation>The password for “{name}” is wrong. Please enter it again:</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="148"/>
        <source>“{name}”是加密的压缩包。
支付宝的密码在支付宝 App 消息中，微信支付的密码在“微信支付”公众号消息中。
请输入解压密码：</source>
        <translation>“{name}” is an encrypted zip file.
Alipay sends the password as a message in the Alipay app; WeChat Pay sends it through its official account “微信支付”.
Please enter the password:</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="152"/>
        <source>需要解压密码</source>
        <translation>Password required</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="214"/>
        <source>还没有导入账单。点击“导入账单…”，选择支付宝或微信支付导出的账单文件。</source>
        <translation>No bill imported yet. Click “Import bill…” and choose a bill exported from Alipay or WeChat Pay.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="224"/>
        <source>（首笔 {first}，末笔 {last}）</source>
        <translation> (first {first}, last {last})</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="264"/>
        <source>⚠ 证据效力提示</source>
        <translation>⚠ How strong this evidence is</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="341"/>
        <source>不再把“{name}”算作平台</source>
        <translation>Stop counting “{name}” as the platform</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="345"/>
        <source>把“{name}”算作平台</source>
        <translation>Count “{name}” as the platform</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="351"/>
        <source>转到对应的原付款</source>
        <translation>Go to the original payment</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="74"/>
        <source>选择平台（交易对方）…</source>
        <translation>Choose the platform (counterparties)…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="76"/>
        <source>逐一勾选账单中属于平台的交易对方；只有勾选的交易计入付款和退款</source>
        <translation>Tick, one by one, the counterparties in the bills that are the platform; only ticked rows count as payments and refunds</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="79"/>
        <location filename="../../kami_desktop/gui/bills_view.py" line="348"/>
        <source>作为主张项…</source>
        <translation>Make a claim item…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="81"/>
        <source>把选中的这笔付款作为一项主张（未到账的充值、未交付的订单等），金额和日期取自账单</source>
        <translation>Make the selected payment a claim item (a top-up never credited, an order not delivered…); amount and date come from the bill</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="232"/>
        <source>平台交易：付款 {np} 笔 ¥{paid} − 退款 {nr} 笔 ¥{refunded} = 净付款 ¥{net}{span}</source>
        <translation>Platform rows: {np} payments ¥{paid} − {nr} refunds ¥{refunded} = net paid ¥{net}{span}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="244"/>
        <source>没有平台交易：请点“选择平台（交易对方）…”勾选平台在账单中的名称。</source>
        <translation>No platform rows: click “Choose the platform (counterparties)…” and tick the platform&apos;s name in the bills.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="246"/>
        <location filename="../../kami_desktop/gui/bills_view.py" line="312"/>
        <source>（未选择）</source>
        <translation>(none chosen)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="248"/>
        <source>计入的交易对方：{terms}&#x3000;&#x3000;账单 {n} 份，交易 {rows} 笔</source>
        <translation>Counted counterparties: {terms}&#x3000;&#x3000;{n} bills, {rows} transactions</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="255"/>
        <source>主张本金：&lt;b&gt;¥{amount}&lt;/b&gt;（{n} 项，见“主张项”）</source>
        <translation>Claimed principal: &lt;b&gt;¥{amount}&lt;/b&gt; ({n} items, see “Claim items”)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="260"/>
        <source>还没有主张项：净付款不等于损失，请逐项添加要求退还的款项。</source>
        <translation>No claim items yet: the net paid is not the loss; add each amount you ask to have returned.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="313"/>
        <source>计入的交易对方：{names}（已记入存证日志）</source>
        <translation>Counted counterparties: {names} (recorded in the ledger)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="323"/>
        <source>已添加主张项 {id}（已记入存证日志）</source>
        <translation>Claim item {id} added (recorded in the ledger)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="363"/>
        <source>正在读取账单 {name}…</source>
        <translation>Reading bill {name}…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="386"/>
        <source>这份账单已经导入过（证据 {ex}），没有重复添加。</source>
        <translation>This bill was imported before (exhibit {ex}); it was not added again.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="390"/>
        <source>已导入《{title}》：{n} 笔交易（证据 {ex}）</source>
        <translation>Imported “{title}” as exhibit {ex}; transactions: {n}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="405"/>
        <source>已取消导入。</source>
        <translation>Import cancelled.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="407"/>
        <source>未导入：{reason}</source>
        <translation>Not imported: {reason}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/bills_view.py" line="408"/>
        <source>无法导入账单</source>
        <translation>Cannot import the bill</translation>
    </message>
</context>
</TS>
