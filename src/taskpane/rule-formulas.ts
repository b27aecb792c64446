/**
 * Each rule's identity as the Chinese pane and the rule catalogue page show it (the rules' own `formula` is a
 * developer's notation, partly English). A test keeps this list equal to the registry and free of English words.
 */
export const RULE_FORMULAS_ZH: Readonly<Record<string, string>> = {
  'sum.hierarchy': '上级科目金额 = Σ 下级科目金额（每个金额列）',
  'sum.total': '合计行金额 = Σ 其所合计的各行金额（每个金额列）',
  'sum.row': '本行合计列 = Σ 本行各组成列',
  'sum.of_which': 'Σ “其中”项 ≤ 所属项目',
  'balance.totals': '收入总计 = 支出总计；年初结转 + 本年收入 = 本年支出 + 年末结转（分资金性质）',
  'balance.lines':
    '人员经费 = Σ(301, 303)；公用经费 = Σ(302, 310, 307, 309, 399)；公务用车购置及运行费 = 购置费 + 运行费',
  'balance.carryover': '年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出（± 调整）',
  'cross_table.summary':
    '收支总表.本年收入合计 = 收入总表.合计；收支总表.本年支出合计 = 支出总表.合计；收支总表.类 = 支出总表.类',
  'cross_table.fiscal': '财政拨款收支总表[一般公共预算].本年支出合计 = 一般公共预算支出表.合计（并逐类、逐项资金核对）',
  'cross_table.basic':
    '一般公共预算支出表.基本支出合计 = 基本支出表.合计；Σ 经济分类表.类 = 一般公共预算支出表.合计；基本支出表.类 ≤ 经济分类表.类',
  'cross_table.by_code':
    '一般公共预算支出表[科目] ≤ 支出总表[科目]（收入全为一般公共预算时相等）；无结转时 收入总表[单位, 科目] = 支出总表[单位, 科目]',
  'cross_table.project': '项目支出表.合计 = 支出总表.合计行[项目支出]',
  'cross_table.three_public': '基本支出表[30212, 30217, 30231, 31013] ≤ 三公表[出国, 接待, 车运行, 车购置]',
  'cross_table.fiscal_income': '收入总表.合计[财政拨款收入] = 财政拨款收支总表.本年收入合计',
  'cross_table.income_sources': '收支总表[各收入来源] = 收入总表.合计[同一来源]（逐项）',
  'cross_table.operating_cost': '机关运行经费 ≤ 一般公共预算基本支出表.公用经费合计',
  'cross_table.project_targets': 'Σ 绩效目标表.资金总额 ≤ 支出总表.合计行[项目支出]',
  'cross_classification.basic_pairs': '一般公共预算支出表[基本支出]（功能科目） = 基本支出表（经济科目）中对应的金额',
  'code.unknown': '科目编码 ∈ 当年《政府收支分类科目》',
  'code.obsolete': '科目编码在本预算年度仍然有效',
  'code.name_mismatch': '科目名称 = 当年科目表中该编码的名称，且各表一致',
  'code.cross_table': '同一上级、同名科目在各表中的编码相同',
  'code.level': '上级编码 = 上一级最近的一行',
  'performance.cost_operator': '成本指标的指标值 ∈ {≤, <, =}（设上限）',
  'performance.framework': '一级指标包含 产出、效益、满意度；每个三级指标都有指标值',
  'performance.rate': '比率类指标值 ≤ 100%',
  'performance.scores': 'Σ分值 = 100；得分 ≤ 分值；总分 = Σ得分；评价等级与总分相符',
  'performance.completion': '完成比例 = 实际完成值 ÷ 指标值（≥、>、=）；= 1 或 指标值 ÷ 实际完成值（≤、<）',
  'performance.execution': '执行率 = 全年执行数 ÷ 全年预算数；得分 ≤ 分值 × 执行率；完成比例 < 100% ⇒ 得分 < 分值',
  'performance.funds': '金额类指标 ≤ 资金总额；不与资金数相近而不等',
  'format.invalid_amount': '金额单元格为空白、数字或占位符（** / —）',
  'format.uncalculated_formula': '每个金额公式都保存了计算结果',
  'format.number_as_text': '金额单元格存放数字，不是文本',
  'format.date_serial': '日期行列存放日期，不是序列号',
  'format.unit': '若 金额(甲) ≈ 10,000 × 金额(乙)，而本应 甲 = 乙：单位（元/万元）混用',
  'format.code_zero': '款、项编码各为两位（不丢前导 0）',
  'disclosure.missing_table': '应公开的表（按报告类型和省份）及目录所列的表 ⊆ 工作簿中的表',
  'disclosure.contents': '工作簿中的表 ⊆ 目录所列的表',
  'disclosure.empty_table': '金额全为 0 ⇒ 有本表无数据的说明；有无数据说明 ⇒ 金额全为 0',
  'disclosure.placeholder': '不留模板占位符（XX、××、某某、待填写等）',
  'disclosure.consistency': '各表标题中的年度、编制部门、报告类型一致',
  'disclosure.narrative': '说明中的数 ∈ 表中对应数；由A增加到B ⇒ B > A，增幅 = |B−A|/A；A比上年增加B ⇒ 增幅 = B/(A−B)',
  'structure.unknown_type': '每张有金额的表都能识别类型，否则列为未能跨表核对',
  'structure.unconfirmed': '不成立的勾稽关系需 ≥ 3 处互不相关的差错才能解释，且占本表勾稽关系 ≥ 25%：表的结构未能确认',
};
