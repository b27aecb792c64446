import { emptyTableStatement } from '../../../../src/core/rules/disclosure/empty-table';
import { budgetSet, fnSheet } from '../../../helpers/disclosure';
import { combine, sheet, workbook } from '../../../helpers/grid';
import { testRule } from '../../../helpers/rule-tester';

const FUND_TITLE = '2021年部门政府性基金预算支出表';
/** The budget set with its 政府性基金 table replaced. */
const withFund = (...fund: Parameters<typeof sheet>[0][number][]) => {
  const base = budgetSet(['政府性基金支出表']);
  return (extra: Parameters<typeof sheet>[0][number][] = [], lines = [['208', '社会保障和就业支出', 0]]) => {
    const table = fnSheet('政府性基金支出表', FUND_TITLE, lines);
    const rows = [...table.rows.map((r) => r?.map((c) => c?.value ?? null) ?? []), ...fund, ...extra];
    return workbook(...base, sheet(rows, { name: '政府性基金支出表', merges: ['A1:C1'] }));
  };
};

const threePublic = (values: number[], note?: string) =>
  sheet(
    [
      ['2021年部门一般公共预算“三公”经费支出表'],
      ['编制部门：某市教育局', null, null, null, '单位：万元'],
      ['合计', '因公出国（境）费', '公务用车购置及运行费', null, '公务接待费'],
      [null, null, '小计', '公务用车购置费', null],
      values,
      ...(note ? [[note]] : []),
    ],
    { name: '三公经费支出表', merges: ['A1:E1', 'A3:A4', 'B3:B4', 'C3:D3', 'E3:E4'] },
  );

/** An emptied 政府性基金 table with its statement, and a 三公 table with amounts beside it on the same sheet. */
const sideBySide = () => {
  const fund = sheet(
    [
      [FUND_TITLE],
      ['编制部门：某市教育局', null, '单位：万元'],
      ['科目编码', '科目名称', '合计'],
      ['208', '社会保障和就业支出', 0],
      ['注：本部门无政府性基金预算财政拨款收入，故本表为空表。'],
    ],
    { merges: ['A1:C1'] },
  );
  const three = threePublic([3, 0, 3, 1, 0]);
  const moved = sheet(
    three.rows.map((r) => r?.map((c) => c?.value ?? null) ?? []),
    { origin: 'F1', merges: ['A1:E1', 'A3:A4', 'B3:B4', 'C3:D3', 'E3:E4'] },
  );
  return workbook(combine('基金与三公', fund, moved));
};

testRule(emptyTableStatement, {
  valid: [
    {
      name: 'side-by-side tables: the statement under the emptied table is not the other table’s',
      workbook: sideBySide(),
    },
    {
      name: 'a fund table with amounts and no statement',
      workbook: withFund()([], [['208', '社会保障和就业支出', 5]]),
    },
    {
      name: 'an empty fund table stating its own fund',
      workbook: withFund(['注：本部门2021年无政府性基金预算财政拨款安排的支出，故本表为空表。'])(),
    },
    {
      name: 'a note under the table, without a subject, in another wording of the fund',
      workbook: withFund(['注：无政府基金预算财政拨款预算，空表列示。'])(),
    },
    {
      name: 'an emptied sheet keeping only its title and a statement',
      workbook: workbook(
        ...budgetSet(['政府性基金支出表']),
        sheet([[FUND_TITLE], ['说明：某市教育局本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。']], {
          name: '表8',
        }),
      ),
    },
    {
      name: 'an empty 三公 table saying 本表无数据',
      workbook: workbook(
        ...budgetSet(['三公经费支出表']),
        threePublic([0, 0, 0, 0, 0], '说明：本单位没有财政拨款“三公”经费支出，故本表无数据。'),
      ),
    },
    {
      name: 'a template instruction is not a statement',
      workbook: withFund(['无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明：'])(
        [],
        [['208', '社会保障和就业支出', 5]],
      ),
    },
    {
      name: 'a blank template (no amount anywhere) is not judged',
      workbook: workbook(
        ...budgetSet().map((s) => ({
          ...s,
          rows: s.rows.map((r) => r?.map((c) => (typeof c?.value === 'number' ? undefined : c))),
        })),
      ),
    },
    {
      name: 'an item-level statement under non-zero 三公 amounts is not a claim that the table is empty',
      workbook: workbook(
        ...budgetSet(['三公经费支出表']),
        threePublic([3, 0, 2, 0, 1], '本部门无因公出国（境）费支出。'),
      ),
    },
  ],
  invalid: [
    {
      name: 'an all-zero fund table without a statement: a note',
      workbook: withFund()(),
      findings: [
        {
          severity: 'info',
          sheet: '政府性基金支出表',
          cells: ['A1'],
          message: /^《2021年部门政府性基金预算支出表》金额均为零或空白，未见说明；无政府性基金的，应在表下注明/,
        },
      ],
    },
    {
      name: 'a statement naming only the body, not its fund: a note',
      workbook: withFund(['注：本部门本年度无此项支出，故本表为空表。'])(),
      findings: [
        {
          severity: 'info',
          sheet: '政府性基金支出表',
          cells: ['A6'],
          message:
            /^《2021年部门政府性基金预算支出表》的说明（“注：本部门本年度无此项支出，故本表为空表。”）未写明是哪项资金；应写明无政府性基金/,
        },
      ],
    },
    {
      name: 'a statement naming another fund',
      workbook: withFund(['注：本部门无国有资本经营预算财政拨款收入和支出，故本表为空表。'])(),
      findings: [
        {
          severity: 'warning',
          cells: ['A6'],
          message: /说明写的是“国有资本经营预算”.*与本表（政府性基金）不符$/,
        },
      ],
    },
    {
      name: 'a statement that the table is empty above non-zero amounts',
      workbook: workbook(
        ...budgetSet(['三公经费支出表']),
        threePublic([3, 0, 2, 2, 1], '本部门没有财政拨款“三公”经费支出，故本表无数据。'),
      ),
      findings: [
        { severity: 'warning', cells: ['A6', 'A5'], message: /说明称无此项资金或本表为空.*但表中有金额（A5）$/ },
      ],
    },
    {
      name: 'a 三公 table of zeros with nothing said',
      workbook: workbook(...budgetSet(['三公经费支出表']), threePublic([0, 0, 0, 0, 0])),
      findings: [{ severity: 'info', sheet: '三公经费支出表', message: /“三公”经费/ }],
    },
  ],
});
