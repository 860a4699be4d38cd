<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>DeadlinesPanel</name>
    <message>
        <location filename="../../kami_desktop/gui/deadlines_panel.py" line="27"/>
        <source>未到期</source>
        <translation>Not yet due</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/deadlines_panel.py" line="28"/>
        <source>即将到期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/deadlines_panel.py" line="29"/>
        <source>已过期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/deadlines_panel.py" line="30"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/deadlines_panel.py" line="50"/>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/deadlines_panel.py" line="50"/>
        <source>到期日</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/deadlines_panel.py" line="50"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/deadlines_panel.py" line="50"/>
        <source>起算</source>
        <translation>Counted from</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/deadlines_panel.py" line="89"/>
        <source>当前阶段：%1</source>
        <translation>Current stage: %1</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/deadlines_panel.py" line="94"/>
        <source>（暂定）</source>
        <translation> (provisional)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/deadlines_panel.py" line="99"/>
        <source>
暂定：所涉年份尚无国务院放假通知，按周末和法定节日估算。</source>
        <translation>
Provisional: the State Council has not yet announced the public holidays of that year, so weekends and statutory holidays are estimated.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/deadlines_panel.py" line="110"/>
        <source>下一步</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/deadlines_panel.py" line="118"/>
        <source>暂无待办期限：记录进展（如发出催告函）或填写发现扣款日期后计算。</source>
        <translation>No deadlines yet: they are worked out once you record a step (such as sending a demand letter) or enter the date the deduction was discovered.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/deadlines_panel.py" line="124"/>
        <source>下一个期限：%1 %2（%3）</source>
        <translation>Next deadline: %1 %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/deadlines_panel.py" line="126"/>
        <source> 暂定</source>
        <translation> (provisional)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/deadlines_panel.py" line="128"/>
        <source>已过期：%1 %2</source>
        <translation>Overdue: %1 %2</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/deadlines_panel.py" line="136"/>
        <source>今天到期，截止24:00</source>
        <translation>due today, until 24:00</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/deadlines_panel.py" line="138"/>
        <source>已过期%1天</source>
        <translation>days overdue: %1</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/deadlines_panel.py" line="139"/>
        <source>还剩%1天</source>
        <translation>days left: %1</translation>
    </message>
</context>
<context>
    <name>FactDialog</name>
    <message>
        <location filename="../../kami_desktop/gui/fact_dialog.py" line="36"/>
        <source>记录事实</source>
        <translation>Record a fact</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/fact_dialog.py" line="36"/>
        <source>修改事实</source>
        <translation>Edit fact</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/fact_dialog.py" line="45"/>
        <source>发生了什么，例如：充值500元后余额被以“违规”为由清零</source>
        <translation>What happened, e.g. after a ¥500 top-up the balance was wiped out for a “violation”</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/fact_dialog.py" line="47"/>
        <source>对方有争议</source>
        <translation>Disputed by the other side</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/fact_dialog.py" line="54"/>
        <source>证据%1  %2</source>
        <translation>Exhibit %1  %2</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/fact_dialog.py" line="63"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/fact_dialog.py" line="64"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/fact_dialog.py" line="65"/>
        <source>经过</source>
        <translation>What happened</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/fact_dialog.py" line="67"/>
        <source>关联证据</source>
        <translation>Linked evidence</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/fact_dialog.py" line="69"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/fact_dialog.py" line="70"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FactKinds</name>
    <message>
        <location filename="../../kami_desktop/gui/timeline_panel.py" line="27"/>
        <source>充值</source>
        <translation>Top-up</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/timeline_panel.py" line="27"/>
        <source>扣款</source>
        <translation>Deduction</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/timeline_panel.py" line="28"/>
        <source>未到账/未交付</source>
        <translation>Not credited / not delivered</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/timeline_panel.py" line="28"/>
        <source>申请退款</source>
        <translation>Refund requested</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/timeline_panel.py" line="29"/>
        <source>平台答复</source>
        <translation>Platform reply</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/timeline_panel.py" line="29"/>
        <source>退款</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/timeline_panel.py" line="30"/>
        <source>投诉</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/timeline_panel.py" line="30"/>
        <source>起诉</source>
        <translation>Lawsuit</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/timeline_panel.py" line="31"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>FactSuggestionsPanel</name>
    <message>
        <location filename="../../kami_desktop/gui/fact_suggestions_panel.py" line="35"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/fact_suggestions_panel.py" line="35"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/fact_suggestions_panel.py" line="35"/>
        <source>内容</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/fact_suggestions_panel.py" line="35"/>
        <source>出处</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/fact_suggestions_panel.py" line="42"/>
        <source>确认为事实</source>
        <translation>Confirm as fact</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/fact_suggestions_panel.py" line="44"/>
        <source>忽略</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/fact_suggestions_panel.py" line="66"/>
        <source>从账单和聊天记录中发现的待确认事实（%1 条）</source>
        <translation>Facts found in bills and chats, to confirm (%1)</translation>
    </message>
</context>
<context>
    <name>LadderStepsPanel</name>
    <message>
        <location filename="../../kami_desktop/gui/ladder_steps_panel.py" line="31"/>
        <source>维权进展</source>
        <translation>Steps taken</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/ladder_steps_panel.py" line="34"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/ladder_steps_panel.py" line="34"/>
        <source>进展</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/ladder_steps_panel.py" line="34"/>
        <source>方式/单号</source>
        <translation>Channel / reference</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/ladder_steps_panel.py" line="34"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/ladder_steps_panel.py" line="41"/>
        <source>记录进展…</source>
        <translation>Record a step…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/ladder_steps_panel.py" line="43"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/ladder_steps_panel.py" line="62"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/ladder_steps_panel.py" line="62"/>
        <source>计划</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/ladder_steps_panel.py" line="85"/>
        <source>删除进展</source>
        <translation>Delete steps</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/ladder_steps_panel.py" line="85"/>
        <source>删除选中的进展记录？删除会记入操作日志。</source>
        <translation>Delete the selected steps? The deletion is recorded in the activity log.</translation>
    </message>
</context>
<context>
    <name>LadderView</name>
    <message>
        <location filename="../../kami_desktop/gui/ladder_view.py" line="40"/>
        <source>生成文书…</source>
        <translation>Generate documents…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/ladder_view.py" line="42"/>
        <source>请先在左侧选择或新建一个案件。</source>
        <translation>Select or create a case on the left first.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/ladder_view.py" line="51"/>
        <source>时间线</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/ladder_view.py" line="52"/>
        <source>当事人</source>
        <translation>Parties</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/ladder_view.py" line="53"/>
        <source>证据准备</source>
        <translation>Evidence checklist</translation>
    </message>
</context>
<context>
    <name>PartiesPanel</name>
    <message>
        <location filename="../../kami_desktop/gui/parties_panel.py" line="39"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/parties_panel.py" line="39"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/parties_panel.py" line="39"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/parties_panel.py" line="40"/>
        <source>ICP备案号</source>
        <translation>ICP filing no.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/parties_panel.py" line="40"/>
        <source>被告</source>
        <translation>Defendant</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/parties_panel.py" line="40"/>
        <source>主体证据</source>
        <translation>Identity evidence</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/parties_panel.py" line="49"/>
        <source>添加…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/parties_panel.py" line="51"/>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/parties_panel.py" line="53"/>
        <source>关联证据…</source>
        <translation>Link evidence…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/parties_panel.py" line="55"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/parties_panel.py" line="95"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/parties_panel.py" line="129"/>
        <source>关联证据</source>
        <translation>Link evidence</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/parties_panel.py" line="129"/>
        <source>请先在表格中选择一个当事人。</source>
        <translation>Select a party in the table first.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/parties_panel.py" line="136"/>
        <source>删除当事人</source>
        <translation>Delete party</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/parties_panel.py" line="137"/>
        <source>删除选中的当事人及其证据关联？删除会记入操作日志。</source>
        <translation>Delete the selected party and its links to evidence? The deletion is recorded in the activity log.</translation>
    </message>
</context>
<context>
    <name>PartyDialog</name>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="43"/>
        <source>添加当事人</source>
        <translation>Add party</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="43"/>
        <source>修改当事人</source>
        <translation>Edit party</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="49"/>
        <source>公司全称或姓名，与营业执照一致</source>
        <translation>Full company name or person&apos;s name, exactly as on the business licence</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="50"/>
        <source>18位统一社会信用代码（或15位注册号）</source>
        <translation>18-character unified social credit code (or 15-digit registration number)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="51"/>
        <source>例如：浙ICP备12345678号-1（网站底部）</source>
        <translation>e.g. 浙ICP备12345678号-1 (at the bottom of the website)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="60"/>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="60"/>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="65"/>
        <source>填写出生日期</source>
        <translation>Date of birth known</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="68"/>
        <source>列为被告</source>
        <translation>Name as defendant</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="71"/>
        <source>代码未通过校验，但我已在官方系统核实无误，仍然保存</source>
        <translation>The code fails the check, but I have confirmed it in the official registry: save it anyway</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="79"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="80"/>
        <source>名称 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="81"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="82"/>
        <source>ICP备案号</source>
        <translation>ICP filing no.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="83"/>
        <source>住所地</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="84"/>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="85"/>
        <source>法定代表人职务</source>
        <translation>Legal representative&apos;s title</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="86"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="87"/>
        <source>网站</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="88"/>
        <source>身份证号</source>
        <translation>ID card number</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="89"/>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="94"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="95"/>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="96"/>
        <source>职业</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="98"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="101"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="102"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="151"/>
        <source>✓ 格式正确（备案号没有校验位，是否真实请在工信部备案系统 beian.miit.gov.cn 查询）</source>
        <translation>✓ Format is correct (a filing number has no check digit: look it up in the MIIT filing system, beian.miit.gov.cn, to see whether it is real)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="152"/>
        <source>✓ 格式和校验位正确</source>
        <translation>✓ Format and check digit are correct</translation>
    </message>
    <message>
        <source>（请选择被诉依据）</source>
        <translation>(choose the basis for suing)</translation>
    </message>
    <message>
        <source>起诉状会写明每个被告被起诉的依据；两个以上被告都是经营者（或共同经营）时才请求“共同”返还。</source>
        <translation>The statement of claim states why each defendant is sued; it asks for joint (共同) repayment only when two or more defendants are operators (or operate the platform together).</translation>
    </message>
    <message>
        <source>被诉依据</source>
        <translation>Basis for suing</translation>
    </message>
</context>
<context>
    <name>PartyEvidence</name>
    <message>
        <location filename="../../kami_desktop/gui/party_evidence_dialog.py" line="13"/>
        <source>营业执照</source>
        <translation>Business licence</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_evidence_dialog.py" line="13"/>
        <source>ICP备案</source>
        <translation>ICP filing</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_evidence_dialog.py" line="14"/>
        <source>客服联系方式</source>
        <translation>Customer service contact</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_evidence_dialog.py" line="14"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>PartyEvidenceDialog</name>
    <message>
        <location filename="../../kami_desktop/gui/party_evidence_dialog.py" line="22"/>
        <source>关联主体证据</source>
        <translation>Link identity evidence</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_evidence_dialog.py" line="30"/>
        <source>证据%1  %2</source>
        <translation>Exhibit %1  %2</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_evidence_dialog.py" line="38"/>
        <source>本案还没有证据：请先在“证据”中导入营业执照或备案截图。</source>
        <translation>This case has no evidence yet: first import the business licence or a screenshot of the ICP filing on the “Evidence” tab.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_evidence_dialog.py" line="40"/>
        <source>当事人</source>
        <translation>Party</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_evidence_dialog.py" line="41"/>
        <source>证据</source>
        <translation>Exhibit</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_evidence_dialog.py" line="42"/>
        <source>证明内容</source>
        <translation>Proves</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_evidence_dialog.py" line="44"/>
        <source>关联</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_evidence_dialog.py" line="45"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReadinessPanel</name>
    <message>
        <location filename="../../kami_desktop/gui/readiness_panel.py" line="16"/>
        <source>已具备</source>
        <translation>in place</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/readiness_panel.py" line="17"/>
        <source>较弱</source>
        <translation>weak</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/readiness_panel.py" line="18"/>
        <source>缺少</source>
        <translation>missing</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/readiness_panel.py" line="50"/>
        <source>证据准备：已具备 %1 项，较弱 %2 项，缺少 %3 项</source>
        <translation>Evidence checklist: %1 in place, %2 weak, %3 missing</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/readiness_panel.py" line="56"/>
        <source>{label}（{status}）</source>
        <translation>{label} ({status})</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/readiness_panel.py" line="60"/>
        <source>下一步：</source>
        <translation>Next step: </translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="55"/>
        <source>记录进展</source>
        <translation>Record a step</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="73"/>
        <source>例如：邮件、EMS、平台客服、12315平台</source>
        <translation>e.g. e-mail, EMS, platform customer service, the 12315 platform</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="75"/>
        <source>投诉单号、快递单号等</source>
        <translation>Complaint number, tracking number, etc.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="81"/>
        <source> 个工作日</source>
        <translation> working days</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="82"/>
        <source>催告函中给平台的答复期限（3–7个工作日），用于计算催告期限</source>
        <translation>The time the demand letter gives the platform to answer (3–7 working days); used to compute the demand deadline</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="83"/>
        <source>尚未发生（计划），不参与期限计算</source>
        <translation>Not happened yet (planned); not used for deadlines</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="88"/>
        <source>进展</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="89"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="90"/>
        <source>方式/渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="91"/>
        <source>单号</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="92"/>
        <source>答复期限</source>
        <translation>Answer period</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="93"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="96"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="97"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="132"/>
        <source>请选择进展类型</source>
        <translation>Please choose what kind of step this is</translation>
    </message>
</context>
<context>
    <name>StepKinds</name>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="33"/>
        <source>发出书面退款要求（催告函）</source>
        <translation>Sent a written refund demand (demand letter)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="33"/>
        <source>催告函已送达平台</source>
        <translation>Demand letter delivered to the platform</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="34"/>
        <source>平台已答复</source>
        <translation>Platform replied</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="34"/>
        <source>平台同意退款或承认欠款</source>
        <translation>Platform agreed to refund or acknowledged the debt</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="35"/>
        <source>向支付渠道投诉（微信支付/支付宝）</source>
        <translation>Complained to the payment channel (WeChat Pay / Alipay)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="35"/>
        <source>12315投诉已提交</source>
        <translation>12315 complaint filed</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="36"/>
        <source>12315已受理</source>
        <translation>12315 complaint accepted</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="36"/>
        <source>12315不予受理</source>
        <translation>12315 complaint not accepted</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="37"/>
        <source>12315调解结束</source>
        <translation>12315 mediation ended</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="37"/>
        <source>黑猫投诉已提交</source>
        <translation>Heimao complaint filed</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="38"/>
        <source>聚投诉已提交</source>
        <translation>Jutousu complaint filed</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="38"/>
        <source>已向法院起诉</source>
        <translation>Lawsuit filed with the court</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="39"/>
        <source>收到交纳诉讼费通知</source>
        <translation>Notice to pay court fees received</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="39"/>
        <source>已交纳诉讼费</source>
        <translation>Court fees paid</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="40"/>
        <source>收到判决书或调解书</source>
        <translation>Judgment or mediation agreement received</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/step_dialog.py" line="40"/>
        <source>已退款，纠纷解决</source>
        <translation>Refunded; dispute resolved</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <location filename="../../kami_desktop/gui/timeline_panel.py" line="43"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/timeline_panel.py" line="43"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/timeline_panel.py" line="43"/>
        <source>经过</source>
        <translation>What happened</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/timeline_panel.py" line="43"/>
        <source>证据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/timeline_panel.py" line="44"/>
        <source>争议</source>
        <translation>Disputed</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/timeline_panel.py" line="53"/>
        <source>记录事实…</source>
        <translation>Record a fact…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/timeline_panel.py" line="55"/>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/timeline_panel.py" line="57"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/timeline_panel.py" line="93"/>
        <source>证据%1</source>
        <translation>Exhibit %1</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/timeline_panel.py" line="93"/>
        <source>（已删除）</source>
        <translation>(deleted)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/timeline_panel.py" line="96"/>
        <source>有争议</source>
        <translation>Disputed</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/timeline_panel.py" line="126"/>
        <source>删除事实</source>
        <translation>Delete facts</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/timeline_panel.py" line="126"/>
        <source>删除选中的事实？删除会记入操作日志。</source>
        <translation>Delete the selected facts? The deletion is recorded in the activity log.</translation>
    </message>
</context>
<context>
    <name>Vocab</name>
    <message>
        <location filename="../../kami_desktop/gui/deadlines_panel.py" line="32"/>
        <source>协商</source>
        <translation>Negotiation</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/deadlines_panel.py" line="32"/>
        <source>投诉</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/deadlines_panel.py" line="33"/>
        <source>诉讼</source>
        <translation>Litigation</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/deadlines_panel.py" line="33"/>
        <source>结案</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="32"/>
        <source>运营主体</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="32"/>
        <source>收款主体</source>
        <translation>Payee</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="33"/>
        <source>支付渠道</source>
        <translation>Payment channel</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="33"/>
        <source>本人</source>
        <translation>Myself</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/party_dialog.py" line="33"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>平台运营者（经营者）</source>
        <translation>Operator of the platform</translation>
    </message>
    <message>
        <source>收款方且为实际经营者</source>
        <translation>Payee and actual operator</translation>
    </message>
    <message>
        <source>平台未能提供经营者真实信息</source>
        <translation>Platform cannot name the real business</translation>
    </message>
    <message>
        <source>与其他被告共同经营</source>
        <translation>Operates jointly with the other defendants</translation>
    </message>
</context>
</TS>
