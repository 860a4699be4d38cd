<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ClaimDialog</name>
    <message>
        <location filename="../../kami_desktop/gui/claim_dialog.py" line="56"/>
        <source>修改主张项</source>
        <translation>Edit claim item</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claim_dialog.py" line="56"/>
        <source>添加主张项</source>
        <translation>Add claim item</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claim_dialog.py" line="71"/>
        <source>平台扣除余额的理由；可以选择，也可以自己填写</source>
        <translation>The reason the platform gave for deducting the balance; pick one or type your own</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claim_dialog.py" line="73"/>
        <source>例如 487.50</source>
        <translation>e.g. 487.50</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claim_dialog.py" line="75"/>
        <source>没有退款就留空</source>
        <translation>Leave empty if nothing was refunded</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claim_dialog.py" line="81"/>
        <source>用自己的话写清楚：这笔钱是什么时候、怎么付出去或被扣掉的，为什么应当退还</source>
        <translation>In your own words: when and how this money was paid or deducted, and why it should be returned</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claim_dialog.py" line="84"/>
        <source>（没有关联证据）</source>
        <translation>(no evidence linked)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claim_dialog.py" line="87"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claim_dialog.py" line="88"/>
        <source>扣除原因</source>
        <translation>Reason for the deduction</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claim_dialog.py" line="89"/>
        <source>金额（元）</source>
        <translation>Amount (CNY)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claim_dialog.py" line="90"/>
        <source>其中已退回（元）</source>
        <translation>Of which refunded (CNY)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claim_dialog.py" line="91"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claim_dialog.py" line="92"/>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claim_dialog.py" line="93"/>
        <source>证据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>添加证据…</source>
        <translation>Add evidence…</translation>
    </message>
    <message>
        <source>从本案的证据中选择，作为这一项的证据</source>
        <translation>Pick exhibits of this case as evidence of this item</translation>
    </message>
    <message>
        <source>证据 {n}《{title}》（新加）</source>
        <translation>Exhibit {n} “{title}” (added)</translation>
    </message>
    <message>
        <source>证据 {n}{label}</source>
        <translation>Exhibit {n} {label}</translation>
    </message>
    <message>
        <source>证据 {n}：{label}</source>
        <translation>Exhibit {n}: {label}</translation>
    </message>
    <message>
        <source>（在回收站中）</source>
        <translation> (in the trash)</translation>
    </message>
    <message>
        <source>（已彻底删除）</source>
        <translation> (deleted for good)</translation>
    </message>
    <message>
        <source>还没有主张项</source>
        <translation>No claim items yet</translation>
    </message>
    <message>
        <source>本案还没有主张项。请用“作为主张项…”从这项证据新建一项。</source>
        <translation>This case has no claim items yet. Use “Make a claim item…” to make one from this exhibit.</translation>
    </message>
    <message>
        <source>主张项 {id}：{kind} ¥{amount}（{on}）</source>
        <translation>Claim item {id}: {kind} ¥{amount} ({on})</translation>
    </message>
    <message>
        <source>用作主张项的证据</source>
        <translation>Use as evidence of a claim item</translation>
    </message>
    <message>
        <source>把选中的证据加到哪一个主张项？</source>
        <translation>Add the selected exhibits to which claim item?</translation>
    </message>
</context>
<context>
    <name>ClaimKinds</name>
    <message>
        <location filename="../../kami_desktop/gui/claim_dialog.py" line="32"/>
        <source>未到账的充值</source>
        <translation>Top-up never credited</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claim_dialog.py" line="33"/>
        <source>被扣除的余额</source>
        <translation>Balance deducted</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claim_dialog.py" line="34"/>
        <source>已付款未交付的订单</source>
        <translation>Order paid but not delivered</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claim_dialog.py" line="35"/>
        <source>剩余余额</source>
        <translation>Remaining balance</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claim_dialog.py" line="36"/>
        <source>重复扣款</source>
        <translation>Double charge</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claim_dialog.py" line="37"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claim_dialog.py" line="38"/>
        <source>自动续费</source>
        <translation>Auto-renewal</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claim_dialog.py" line="39"/>
        <source>服务费</source>
        <translation>Service fee</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claim_dialog.py" line="40"/>
        <source>余额过期</source>
        <translation>Balance expired</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claim_dialog.py" line="41"/>
        <source>不明扣款</source>
        <translation>Unexplained deduction</translation>
    </message>
</context>
<context>
    <name>ClaimsView</name>
    <message>
        <location filename="../../kami_desktop/gui/claims_view.py" line="49"/>
        <source>添加主张项…</source>
        <translation>Add claim item…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claims_view.py" line="51"/>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claims_view.py" line="53"/>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claims_view.py" line="55"/>
        <source>设为主张金额</source>
        <translation>Use as claimed amount</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claims_view.py" line="56"/>
        <source>把案件的主张金额设为各主张项的合计（已记入存证日志）</source>
        <translation>Set the case&apos;s claimed amount to the sum of the claim items (recorded in the ledger)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claims_view.py" line="66"/>
        <source>主张项是您要求退还的每一笔款项：未到账的充值、被扣除的余额、已付款未交付的订单、剩余余额、重复扣款等。已经交付的消费不能要求退还，所以主张金额不等于账单里的净付款。也可以在账单、聊天记录或证据上点右键“作为主张项…”一步生成。</source>
        <translation>Claim items are the amounts you ask to have returned, one by one: top-ups never credited, balance deducted, orders paid but not delivered, the remaining balance, double charges. What was delivered cannot be claimed back, so the claim is not the net paid in the bills. You can also right-click a bill row, a chat message or an exhibit and choose “Make a claim item…”.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claims_view.py" line="75"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claims_view.py" line="76"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claims_view.py" line="77"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claims_view.py" line="78"/>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claims_view.py" line="79"/>
        <source>已退回</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claims_view.py" line="80"/>
        <source>主张</source>
        <translation>Claimed</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claims_view.py" line="81"/>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claims_view.py" line="82"/>
        <source>证据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claims_view.py" line="126"/>
        <source>删除主张项</source>
        <translation>Remove claim item</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claims_view.py" line="127"/>
        <source>删除主张项 {id}（{kind} ¥{amount}）？删除会记入存证日志。</source>
        <translation>Remove claim item {id} ({kind} ¥{amount})? The removal is recorded in the ledger.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claims_view.py" line="174"/>
        <source>（待核实）</source>
        <translation> (to be verified)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claims_view.py" line="198"/>
        <source>案件主张金额：¥{amount}</source>
        <translation>Claimed amount of the case: ¥{amount}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claims_view.py" line="200"/>
        <source>案件主张金额：未设定</source>
        <translation>Claimed amount of the case: not set</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claims_view.py" line="203"/>
        <source>主张本金 &lt;b&gt;¥{principal}&lt;/b&gt;（{n} 项）&#x3000;&#x3000;{claimed}</source>
        <translation>Claimed principal &lt;b&gt;¥{principal}&lt;/b&gt; ({n} items)&#x3000;&#x3000;{claimed}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claims_view.py" line="207"/>
        <source>账单对照：{context}</source>
        <translation>From the bills: {context}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claims_view.py" line="257"/>
        <source>已添加主张项 {id}（已记入存证日志）</source>
        <translation>Claim item {id} added (recorded in the ledger)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claims_view.py" line="274"/>
        <source>已修改主张项 {id}（已记入存证日志）</source>
        <translation>Claim item {id} changed (recorded in the ledger)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claims_view.py" line="286"/>
        <source>已删除主张项 {id}（已记入存证日志）</source>
        <translation>Claim item {id} removed (recorded in the ledger)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/claims_view.py" line="297"/>
        <source>主张金额已设为 ¥{amount}（已记入存证日志）</source>
        <translation>Claimed amount set to ¥{amount} (recorded in the ledger)</translation>
    </message>
</context>
<context>
    <name>CounterpartyDialog</name>
    <message>
        <location filename="../../kami_desktop/gui/counterparty_dialog.py" line="32"/>
        <source>选择平台：哪些交易对方是平台</source>
        <translation>Choose the platform: which counterparties are the platform</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/counterparty_dialog.py" line="36"/>
        <source>勾选账单中属于平台（收款方）的交易对方，只有勾选的交易计入付款和退款。只有与当事人或平台名称完全相同的名称会预先勾选；名称相似的商户（例如同名的餐馆、便利店）不会自动计入，请逐一核对。</source>
        <translation>Tick the counterparties in the bills that are the platform (the payee); only ticked rows count as payments and refunds. Only names exactly equal to a party&apos;s or the platform&apos;s name start ticked; shops with similar names (a restaurant or convenience store of the same name) never count by themselves — check each one.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/counterparty_dialog.py" line="45"/>
        <source>计入</source>
        <translation>Counts</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/counterparty_dialog.py" line="46"/>
        <source>交易对方</source>
        <translation>Counterparty</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/counterparty_dialog.py" line="47"/>
        <source>对方账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/counterparty_dialog.py" line="48"/>
        <source>笔数</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/counterparty_dialog.py" line="49"/>
        <source>付款</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/counterparty_dialog.py" line="50"/>
        <source>退款</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/counterparty_dialog.py" line="51"/>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/counterparty_dialog.py" line="70"/>
        <source>（账单未写明交易对方）</source>
        <translation>(no counterparty in the bill)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/counterparty_dialog.py" line="80"/>
        <source>例如：{examples}</source>
        <translation>e.g.: {examples}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/counterparty_dialog.py" line="116"/>
        <source>勾选的合计：付款 ¥{paid} − 退款 ¥{refunded} = &lt;b&gt;净付款 ¥{net}&lt;/b&gt;（净付款不是主张金额）</source>
        <translation>Ticked: paid ¥{paid} − refunded ¥{refunded} = &lt;b&gt;net paid ¥{net}&lt;/b&gt; (the net paid is not the claim)</translation>
    </message>
</context>
<context>
    <name>ExhibitChooser</name>
    <message>
        <source>选择证据</source>
        <translation>Choose exhibits</translation>
    </message>
    <message>
        <source>证据 {n}《{title}》</source>
        <translation>Exhibit {n} “{title}”</translation>
    </message>
    <message>
        <source>勾选要作为这一项证据的证据：</source>
        <translation>Tick the exhibits that are evidence of this item:</translation>
    </message>
</context>
</TS>
