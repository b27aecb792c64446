import { RULE_METADATA } from '../core';
import { RULE_FORMULAS_ZH } from '../taskpane/rule-formulas';

const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;

/** rules.html: the rule catalogue as a page (帮助 links to it), from the rules' own metadata so it cannot drift. */
export function RuleCatalogue() {
  return (
    <main className="catalogue">
      <h1>审核规则目录</h1>
      <p>
        每条审核发现都注明所依据的规则。规则可在任务窗格的“设置”中关闭或调整级别；证据不足时（如取整误差）只作“提示”。
        <a href="help.html">返回帮助</a> · <a href="preview.html">浏览器预览</a>
      </p>
      <table>
        <thead>
          <tr>
            <th>规则</th>
            <th>默认级别</th>
            <th>核对内容</th>
            <th>勾稽关系</th>
            <th>示例</th>
          </tr>
        </thead>
        <tbody>
          {RULE_METADATA.map((meta) => (
            <tr key={meta.id} id={meta.id}>
              <td>
                <strong>{meta.title.zh}</strong>
                <br />
                <code>{meta.id}</code>
              </td>
              <td>{SEVERITY[meta.defaultSeverity]}</td>
              <td>{meta.description.zh}</td>
              <td>{RULE_FORMULAS_ZH[meta.id] ?? meta.formula}</td>
              <td>{meta.example}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
