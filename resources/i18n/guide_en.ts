<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CaseHome</name>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="77"/>
        <location filename="../../kami_desktop/gui/case_home.py" line="85"/>
        <source>请先在左侧选择或新建一个案件。</source>
        <translation>Choose a case on the left, or create one.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="87"/>
        <source>正在读取案件…</source>
        <translation>Reading the case…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="157"/>
        <source>{title}&#x3000;·&#x3000;当前阶段：{stage}</source>
        <translation>{title} · Current stage: {stage}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="201"/>
        <source>下一步</source>
        <translation>Next step</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="216"/>
        <source>填写“发现扣款的日期”后，这里会显示下一个期限和剩余天数。</source>
        <translation>Fill in “the date you found the deduction” and the next deadline and the days left will show here.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="217"/>
        <source>目前没有正在计算的期限。</source>
        <translation>No deadline is running at the moment.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="220"/>
        <source>还有 {n} 天</source>
        <translation>{n} days left</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="222"/>
        <source>今天到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="224"/>
        <source>已过期 {n} 天</source>
        <translation>{n} days overdue</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="227"/>
        <source>按暂定节假日计算</source>
        <translation>counted with provisional holidays</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="229"/>
        <source>按估计日期计算</source>
        <translation>counted from an estimated date</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="230"/>
        <source>（{notes}）</source>
        <translation> ({notes})</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="230"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="232"/>
        <source>最近的期限：{label}&#x3000;{due}</source>
        <translation>Nearest deadline: {label} {due}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="239"/>
        <source>已有</source>
        <translation>What you have</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="242"/>
        <source>{label} {n}</source>
        <translation>{label} {n}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="246"/>
        <source>证据 {n} 件</source>
        <translation>{n} exhibits</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="248"/>
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="248"/>
        <location filename="../../kami_desktop/gui/case_home.py" line="317"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="252"/>
        <source>账单 {bills} 份&#x3000;·&#x3000;聊天记录 {chats} 段</source>
        <translation>{bills} bills · {chats} chats</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="259"/>
        <source>主张金额：{amount}（{n} 个主张项）</source>
        <translation>Amount claimed: {amount} ({n} claim items)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="261"/>
        <source>主张金额：{amount}（手工填写）</source>
        <translation>Amount claimed: {amount} (entered by hand)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="263"/>
        <source>主张金额：还没有填写主张项</source>
        <translation>Amount claimed: no claim items yet</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="280"/>
        <source>发现扣款的日期</source>
        <translation>Date the deduction was found</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="281"/>
        <source>还没有填写发现扣款的日期。</source>
        <translation>The date you found the deduction is not filled in.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="282"/>
        <source>填写后才能计算诉讼时效和12315投诉期限。</source>
        <translation>The limitation period and the 12315 complaint deadline are counted from it.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="296"/>
        <source>主张项</source>
        <translation>Claim items</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="297"/>
        <source>还没有填写要求退还的款项。</source>
        <translation>No amount to be refunded has been entered yet.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="298"/>
        <source>逐笔填写要求平台退还的金额、日期和对应的证据；文书和证据册按它书写。</source>
        <translation>Enter each amount the platform must refund, its date and its evidence; the documents and the binder are written from them.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="305"/>
        <source>还缺：{missing} 项缺少，{weak} 项较弱</source>
        <translation>Still needed: {missing} missing, {weak} weak</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="307"/>
        <source>还缺：证据已基本齐全</source>
        <translation>Still needed: the evidence is essentially complete</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="317"/>
        <source>已具备：{items}</source>
        <translation>Already have: {items}</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="332"/>
        <source>缺少</source>
        <translation>missing</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="332"/>
        <source>较弱</source>
        <translation>weak</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="333"/>
        <source>{label}（{status}）</source>
        <translation>{label} ({status})</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="337"/>
        <source>怎么做：</source>
        <translation>What to do: </translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home_data.py" line="41"/>
        <source>导入截图</source>
        <translation>Import screenshots</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home_data.py" line="42"/>
        <source>导入账单</source>
        <translation>Import a bill</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home_data.py" line="43"/>
        <source>导入聊天记录</source>
        <translation>Import a chat</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home_data.py" line="44"/>
        <source>填写当事人</source>
        <translation>Add a party</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home_data.py" line="45"/>
        <source>查看当事人</source>
        <translation>Open the parties</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home_data.py" line="46"/>
        <source>填写主张项</source>
        <translation>Add a claim item</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home_data.py" line="47"/>
        <source>填写案件信息</source>
        <translation>Fill in the case details</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home_data.py" line="48"/>
        <source>生成催告函</source>
        <translation>Write the demand letter</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home_data.py" line="49"/>
        <source>生成文书</source>
        <translation>Generate documents</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home_data.py" line="50"/>
        <source>打印证据册</source>
        <translation>Print the evidence binder</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home_data.py" line="51"/>
        <source>记录进展</source>
        <translation>Record a step</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home_data.py" line="52"/>
        <source>按识别结果整理…</source>
        <translation>Organise by recognised text…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home.py" line="320"/>
        <source>已识别出文字的截图中，有 {n} 项证据可以按识别结果填写类别、名称和证明目的（您确认后才会保存），整理后下面的清单会随之更新。</source>
        <translation>The text read in the screenshots can fill in the category, title and purpose of proof of {n} exhibits (saved only once you confirm); the list below follows once they are sorted.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home_data.py" line="55"/>
        <source>不会导出账单？看指南</source>
        <translation>Don&apos;t know how to export a bill? Read the guide</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home_data.py" line="56"/>
        <source>不会导出聊天记录？看指南</source>
        <translation>Don&apos;t know how to export a chat? Read the guide</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home_data.py" line="57"/>
        <source>怎样截一张好的证据截图？</source>
        <translation>How to take a good evidence screenshot?</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/case_home_data.py" line="58"/>
        <source>每类证据是什么意思？</source>
        <translation>What does each evidence category mean?</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../kami_desktop/gui/empty_state.py" line="35"/>
        <source>把截图拖到这里：手机截图、网页截图、照片或 PDF 都可以，也可以按 Ctrl+V 粘贴截图</source>
        <translation>Drop screenshots here: phone or web screenshots, photos or PDFs; or press Ctrl+V to paste a screenshot</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/empty_state.py" line="38"/>
        <source>把支付宝或微信支付的账单拖到这里：邮件里的压缩包，或其中的 CSV / XLSX 文件</source>
        <translation>Drop an Alipay or WeChat Pay bill here: the zip from the e-mail, or the CSV / XLSX file inside it</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/empty_state.py" line="41"/>
        <source>把聊天记录文件拖到这里：QQ 导出的 txt，或用“留痕”从电脑版微信导出的 CSV / TXT / HTML</source>
        <translation>Drop a chat export here: a .txt exported by QQ, or a CSV / TXT / HTML exported from WeChat on a computer with MemoTrace (留痕)</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../../kami_desktop/gui/first_run.py" line="18"/>
        <source>欢迎使用卡盟维权助手</source>
        <translation>Welcome to Kami Claim Helper</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/first_run.py" line="20"/>
        <source>卡盟平台扣了你的余额不退？跟着三步走，把证据整理好，把钱要回来。</source>
        <translation>Did a card platform deduct your balance and refuse to refund it? Follow three steps to put your evidence in order and get your money back.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/first_run.py" line="33"/>
        <source>新建一个案件：填写平台名称和发现扣款的日期。</source>
        <translation>Create a case: the platform&apos;s name and the date you found the deduction.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/first_run.py" line="34"/>
        <source>导入证据：手机截图、支付宝或微信支付的账单、和客服的聊天记录，直接拖进窗口就行。</source>
        <translation>Import your evidence: phone screenshots, Alipay or WeChat Pay bills, chats with customer service. Just drag them into the window.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/first_run.py" line="36"/>
        <source>跟着“案件首页”做：它告诉你还缺什么、下一步做什么、期限是哪天，帮你写好催告函和投诉材料，打印法院用的证据册。</source>
        <translation>Follow the “Case home”: it tells you what is missing, what to do next and when the deadline is, writes the demand letter and the complaints, and prints the evidence binder for the court.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/first_run.py" line="47"/>
        <source>新建案件</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/first_run.py" line="53"/>
        <source>先看看使用指南</source>
        <translation>Read the guides first</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/first_run.py" line="61"/>
        <source>所有资料只保存在这台电脑上。</source>
        <translation>Everything stays on this computer.</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../kami_desktop/gui/help_dialog.py" line="47"/>
        <source>使用指南</source>
        <translation>Guides</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_dialog.py" line="147"/>
        <source>使用指南…</source>
        <translation>Guides…</translation>
    </message>
</context>
<context>
    <name>HelpDrawings</name>
    <message>
        <location filename="../../kami_desktop/gui/help_drawings.py" line="20"/>
        <source>点这里</source>
        <translation>Tap here</translation>
    </message>
</context>
<context>
    <name>HelpGuides</name>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="9"/>
        <source>不要先用 Excel 或 WPS 打开再保存：那样会改掉交易时间和订单号，账单就不能用了。</source>
        <translation>Do not open and save it in Excel or WPS first: that changes the times and order numbers and the bill can no longer be used.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="17"/>
        <source>如何从支付宝导出账单</source>
        <translation>How to export a bill from Alipay</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="18"/>
        <source>账单是付款最有力的证据：它由支付宝出具，逐笔列出付款时间、金额和收款方。</source>
        <translation>A bill is the strongest proof of payment: Alipay issues it and it lists the time, amount and payee of every payment.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="23"/>
        <source>打开支付宝 App，点右下角“我的”，再点“账单”。</source>
        <translation>Open the Alipay app, tap “我的” (Me) at the bottom right, then “账单” (Bills).</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="27"/>
        <source>我的</source>
        <translation>我的 (Me)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="29"/>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="123"/>
        <source>账单</source>
        <translation>账单 (Bills)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="30"/>
        <source>总资产</source>
        <translation>总资产 (Assets)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="31"/>
        <source>余额</source>
        <translation>余额 (Balance)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="32"/>
        <source>设置</source>
        <translation>设置 (Settings)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="39"/>
        <source>在账单页点右上角“···”，选择“开具交易流水证明”。</source>
        <translation>On the bills page tap “···” at the top right and choose “开具交易流水证明” (transaction statement).</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="43"/>
        <source>账单&#x3000;&#x3000;&#x3000;···</source>
        <translation>账单 (Bills)   ···</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="45"/>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="61"/>
        <source>开具交易流水证明</source>
        <translation>开具交易流水证明 (statement)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="46"/>
        <source>其他选项</source>
        <translation>Other options</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="53"/>
        <source>选“用于个人对账”，选好时间范围（一次最多一年，要包含你给平台充值的日子），打开“展示交易对手信息”和“展示商品说明信息”，填写接收账单的邮箱。</source>
        <translation>Choose “用于个人对账” (for personal reconciliation), pick the period (at most one year at a time; include the days you topped up the platform), switch on “展示交易对手信息” and “展示商品说明信息” (show counterparties and item descriptions) and enter the e-mail address to receive it.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="63"/>
        <source>用于个人对账</source>
        <translation>用于个人对账 (personal)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="64"/>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="152"/>
        <source>时间范围</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="65"/>
        <source>展示交易对手信息 ●</source>
        <translation>Show counterparties ●</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="66"/>
        <source>展示商品说明信息 ●</source>
        <translation>Show item descriptions ●</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="73"/>
        <source>支付宝把账单压缩包（名为“支付宝交易明细(起止日期).zip”）发到你的邮箱。解压密码在支付宝 App 的消息里。</source>
        <translation>Alipay e-mails you the bill as a zip named “支付宝交易明细(dates).zip”. The password is in the messages of the Alipay app.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="81"/>
        <source>支付宝交易明细.zip</source>
        <translation>支付宝交易明细.zip</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="82"/>
        <source>解压密码：看支付宝消息</source>
        <translation>Password: in the Alipay messages</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="87"/>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="172"/>
        <source>把压缩包原样保存到电脑，在本软件点“导入账单”或把它拖进窗口，输入解压密码。</source>
        <translation>Save the zip to your computer as it is, click “Import a bill” in this app or drag it into the window, and enter the password.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="93"/>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="178"/>
        <source>邮件附件</source>
        <translation>E-mail attachment</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="94"/>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="179"/>
        <source>保存到电脑</source>
        <translation>Save to the computer</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="95"/>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="180"/>
        <source>导入账单</source>
        <translation>Import a bill</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="96"/>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="181"/>
        <source>输入密码</source>
        <translation>Enter the password</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="102"/>
        <source>也可以在电脑上登录支付宝网页版，在交易记录页用“下载查询结果”下载 CSV 文件，同样可以导入。这样导出的账单注明“仅供个人对账使用”；金额较大时，可向支付宝客服询问如何申请用作证明的交易流水证明。</source>
        <translation>You can also sign in to Alipay on the web on a computer and use “下载查询结果” (download results) on the transaction records page to get a CSV file; it imports the same way. Such bills say “for personal reconciliation only”; for a large amount, ask Alipay customer service how to obtain a transaction statement meant as proof.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="110"/>
        <source>如何从微信支付导出账单</source>
        <translation>How to export a bill from WeChat Pay</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="111"/>
        <source>微信支付的账单由微信出具，逐笔列出付款时间、金额和交易对方，是付款的有力证据。</source>
        <translation>WeChat issues the WeChat Pay bill; it lists the time, amount and counterparty of every payment and is strong proof of payment.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="116"/>
        <source>打开微信，点“我”→“服务”→“钱包”→“账单”。</source>
        <translation>Open WeChat and tap “我” (Me) → “服务” (Services) → “钱包” (Wallet) → “账单” (Bills).</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="120"/>
        <source>我</source>
        <translation>我 (Me)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="121"/>
        <source>服务</source>
        <translation>服务 (Services)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="122"/>
        <source>钱包</source>
        <translation>钱包 (Wallet)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="128"/>
        <source>在账单页找到“常见问题”，点“下载账单”，选择“用作个人对账”。</source>
        <translation>On the bills page find “常见问题” (FAQ), tap “下载账单” (download bill) and choose “用作个人对账” (for personal reconciliation).</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="132"/>
        <source>常见问题</source>
        <translation>常见问题 (FAQ)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="134"/>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="149"/>
        <source>下载账单</source>
        <translation>下载账单 (Download)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="135"/>
        <source>其他问题</source>
        <translation>Other questions</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="142"/>
        <source>选择时间范围（要包含你给平台充值的日子；一次不能选太长时，分几次导出），填写接收账单的邮箱。</source>
        <translation>Pick the period (include the days you topped up the platform; if one export cannot cover it all, export several times) and enter the e-mail address to receive it.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="151"/>
        <source>用作个人对账</source>
        <translation>用作个人对账 (personal)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="153"/>
        <source>接收邮箱</source>
        <translation>E-mail address</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="160"/>
        <source>微信把账单压缩包发到你的邮箱；解压密码由“微信支付”公众号发消息告诉你。</source>
        <translation>WeChat e-mails you the bill as a zip; the “微信支付” (WeChat Pay) official account sends you the password in a message.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="166"/>
        <source>微信支付账单.zip</source>
        <translation>微信支付账单.zip</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="167"/>
        <source>解压密码：看“微信支付”公众号</source>
        <translation>Password: from the WeChat Pay official account</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides_bills.py" line="187"/>
        <source>压缩包里可能是 CSV 文件（较早的账单）或 XLSX 表格（2025 年起），本软件都能读。</source>
        <translation>The zip holds a CSV file (older bills) or an XLSX sheet (since 2025); this app reads both.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="20"/>
        <source>如何导出QQ聊天记录</source>
        <translation>How to export QQ chats</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="21"/>
        <source>和客服的聊天记录能证明你要求过退款、平台怎么答复。电脑版 QQ（旧版）可以把聊天记录导出成 txt 文件。</source>
        <translation>Your chats with customer service show that you asked for a refund and how the platform answered. The (classic) desktop QQ can export chats as a .txt file.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="27"/>
        <source>在电脑上登录 QQ，打开“消息管理器”。</source>
        <translation>Sign in to QQ on a computer and open “消息管理器” (Message Manager).</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="31"/>
        <location filename="../../kami_desktop/gui/help_guides.py" line="50"/>
        <source>消息管理器</source>
        <translation>消息管理器 (Message Manager)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="33"/>
        <location filename="../../kami_desktop/gui/help_guides.py" line="52"/>
        <source>我的好友</source>
        <translation>我的好友 (Friends)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="34"/>
        <location filename="../../kami_desktop/gui/help_guides.py" line="53"/>
        <location filename="../../kami_desktop/gui/help_guides.py" line="115"/>
        <location filename="../../kami_desktop/gui/help_guides.py" line="132"/>
        <source>平台客服</source>
        <translation>Platform support</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="35"/>
        <location filename="../../kami_desktop/gui/help_guides.py" line="54"/>
        <source>我的群聊</source>
        <translation>我的群聊 (Groups)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="38"/>
        <location filename="../../kami_desktop/gui/help_guides.py" line="57"/>
        <source>▼</source>
        <translation>▼</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="43"/>
        <source>在左侧选中和平台客服的对话（或群），点消息管理器里的“▼”按钮，选“导出消息记录”。</source>
        <translation>On the left select the conversation (or group) with the platform&apos;s support, click the “▼” button of the Message Manager and choose “导出消息记录” (export messages).</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="59"/>
        <location filename="../../kami_desktop/gui/help_guides.py" line="70"/>
        <source>导出消息记录</source>
        <translation>导出消息记录 (Export)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="60"/>
        <source>导入消息记录</source>
        <translation>导入消息记录 (Import)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="66"/>
        <source>保存类型选“文本文件(*.txt)”，保存到电脑。</source>
        <translation>As the file type choose “文本文件(*.txt)” (text file) and save it.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="71"/>
        <source>文本文件(*.txt)</source>
        <translation>文本文件(*.txt) (text)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="72"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="77"/>
        <source>在本软件点“导入聊天记录”选这个 txt 文件（或拖进窗口），再勾选哪个名字是你自己。</source>
        <translation>In this app click “Import a chat” and choose that .txt file (or drag it into the window), then tick which name is you.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="84"/>
        <source>txt 文件</source>
        <translation>.txt file</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="85"/>
        <location filename="../../kami_desktop/gui/help_guides.py" line="157"/>
        <source>导入聊天记录</source>
        <translation>Import a chat</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="86"/>
        <location filename="../../kami_desktop/gui/help_guides.py" line="158"/>
        <source>勾选“我”</source>
        <translation>Tick “me”</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="91"/>
        <source>新版 QQ（9.9 及以后）没有导出 txt 的功能。这时请在手机上逐屏截下和客服的完整对话（连同客服的账号页面），作为截图导入。</source>
        <translation>The new QQ (9.9 and later) cannot export .txt files. Then take screenshots of the whole conversation with customer service on your phone, screen by screen (with the support account&apos;s profile page), and import them as screenshots.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="99"/>
        <source>如何导出微信聊天记录</source>
        <translation>How to export WeChat chats</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="100"/>
        <source>微信自己不能把聊天记录导出成文件。常用的办法是在电脑上用一个叫“留痕”（英文名 MemoTrace）的免费软件：它读取电脑版微信保存在这台电脑上的聊天记录，把你选的对话另存成文件。本软件能读它导出的 CSV、TXT 和 HTML 文件。</source>
        <translation>WeChat itself cannot export chats to a file. The usual way is a free program for the computer called “留痕” (MemoTrace): it reads the chats that desktop WeChat keeps on the computer and saves the conversation you choose as a file. This app reads its CSV, TXT and HTML exports.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="107"/>
        <source>在电脑上登录微信，确认和平台客服的聊天记录在电脑版微信里能看到。</source>
        <translation>Sign in to WeChat on a computer and check that the chat with the platform&apos;s support can be seen in desktop WeChat.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="113"/>
        <source>微信（电脑版）</source>
        <translation>WeChat (desktop)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="116"/>
        <source>文件传输助手</source>
        <translation>File Transfer</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="124"/>
        <source>打开留痕，在联系人里找到平台客服，选择导出格式 CSV（HTML 或 TXT 也可以），导出。</source>
        <translation>Open MemoTrace, find the platform&apos;s support among the contacts, choose the CSV format (HTML or TXT also work) and export.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="131"/>
        <source>留痕</source>
        <translation>留痕 (MemoTrace)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="133"/>
        <source>导出 CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="138"/>
        <source>导出的文件在留痕的 data\聊天记录\对方备注名 文件夹里。</source>
        <translation>The exported file is in MemoTrace&apos;s data\聊天记录\&lt;contact name&gt; folder.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="142"/>
        <source>data</source>
        <translation>data</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="143"/>
        <source>聊天记录</source>
        <translation>聊天记录 (chats)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="144"/>
        <source>对方备注名</source>
        <translation>&lt;contact name&gt;</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="145"/>
        <source>….csv</source>
        <translation>….csv</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="150"/>
        <source>在本软件点“导入聊天记录”选这个文件（或拖进窗口），再勾选哪个名字是你自己。</source>
        <translation>In this app click “Import a chat” and choose that file (or drag it into the window), then tick which name is you.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="156"/>
        <source>CSV / HTML / TXT</source>
        <translation>CSV / HTML / TXT</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="163"/>
        <source>留痕是别人开发的软件，只从可信的来源获取，只导出需要的对话。不方便用它时，在手机上逐屏截下完整对话（能看到时间和客服账号），作为截图导入。</source>
        <translation>MemoTrace is made by others: get it only from a trusted source and export only the conversation you need. If you cannot use it, take screenshots of the whole conversation on your phone, screen by screen (with the times and the support account visible), and import them as screenshots.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="171"/>
        <source>如何截一张好的证据截图</source>
        <translation>How to take a good evidence screenshot</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="172"/>
        <source>截图要让法官一眼看出：这是哪个平台、什么时间、哪一笔订单、发生了什么。</source>
        <translation>A screenshot should show a judge at a glance which platform, what time, which order and what happened.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="177"/>
        <source>截整个屏幕，不要裁剪：手机顶部显示时间的状态栏要留在图里。</source>
        <translation>Capture the whole screen, never crop: keep the status bar with the time at the top of the phone in the picture.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="181"/>
        <source>整屏，时间可见</source>
        <translation>Whole screen, time visible</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="182"/>
        <source>裁剪过</source>
        <translation>Cropped</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="187"/>
        <source>让关键信息都在画面里：订单号、金额、时间、平台名称或网址、客服账号。</source>
        <translation>Get the key facts in the picture: the order number, the amount, the time, the platform&apos;s name or address, the support account.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="193"/>
        <source>订单详情</source>
        <translation>Order details</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="195"/>
        <source>订单号 2026…</source>
        <translation>Order no. 2026…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="196"/>
        <source>金额 ¥300.00</source>
        <translation>Amount ¥300.00</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="197"/>
        <source>状态 充值失败</source>
        <translation>Status: top-up failed</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="200"/>
        <source>要看得清</source>
        <translation>Must be legible</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="205"/>
        <source>不要编辑：不涂抹、不标注、不加滤镜、不用修图软件处理。需要遮盖隐私时，另存一份副本再处理。</source>
        <translation>Do not edit: no smudging, no marks, no filters, no photo editor. To hide private details, make a copy and edit the copy.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="211"/>
        <source>保留原图：不要删除手机里的原图，也不要只留聊天软件里转发过的压缩图；开庭时可能要出示手机里的原始文件。</source>
        <translation>Keep the original: do not delete it from the phone, and do not keep only a compressed copy sent through a chat app; the court may ask to see the original file on the phone.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="217"/>
        <source>长对话分几张连续截，相邻两张重叠一两条消息，能看出前后相连。</source>
        <translation>Capture a long conversation in several screenshots, each overlapping the next by a message or two, so they clearly follow on.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="221"/>
        <source>导入后，在“证据”页为每张截图选好类别、写上证明目的。</source>
        <translation>After importing, choose each screenshot&apos;s category on the “Evidence” tab and write what it proves.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="226"/>
        <source>每类证据是什么意思</source>
        <translation>What each evidence category means</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="227"/>
        <source>每件证据放进一个类别，类别说明它用来证明哪一方面的事实。拿不准时先选“其他”，以后再改。</source>
        <translation>Every exhibit goes into one category, which says what kind of fact it proves. When unsure, choose “Other” and change it later.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="231"/>
        <source>六个类别：</source>
        <translation>The six categories:</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="236"/>
        <source>你付钱给平台的记录：支付宝或微信支付账单、付款详情截图、银行流水。证明你付了多少钱、付给了谁。</source>
        <translation>Records of your payments to the platform: Alipay or WeChat Pay bills, payment detail screenshots, bank statements. They prove how much you paid and to whom.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="240"/>
        <source>你和平台的往来：客服聊天记录、投诉工单、你要求退款的消息。证明你要求过退款而平台没有妥善处理。</source>
        <translation>Your dealings with the platform: chats with customer service, complaint tickets, your messages asking for a refund. They prove you asked for a refund and the platform did not deal with it properly.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="244"/>
        <source>没有拿到商品或服务的证明：充值失败提示、订单未完成状态、没有收到卡密的页面。</source>
        <translation>Proof that you did not get the goods or service: top-up failure notices, unfinished orders, pages showing no card code was received.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="247"/>
        <source>平台背后是谁：网站底部的公司名称和ICP备案号、营业执照、国家企业信用信息公示系统的查询结果。</source>
        <translation>Who is behind the platform: the company name and ICP number at the bottom of its website, its business licence, its record in the National Enterprise Credit Information Publicity System.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="251"/>
        <source>平台自己的规定：用户协议、余额使用和退款规则，特别是“余额有效期”“虚拟商品概不退款”这类条款。</source>
        <translation>The platform&apos;s own rules: the user agreement, the balance and refund rules, especially clauses such as “balance expiry” or “no refunds for virtual goods”.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/help_guides.py" line="255"/>
        <source>不属于以上几类的材料。</source>
        <translation>Anything that fits none of the above.</translation>
    </message>
</context>
</TS>
