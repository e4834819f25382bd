// Lints BPMN files with the configuration in the repository's .bpmnlintrc, reading Camunda's extension
// attributes as Camunda Modeler does. Usage: node lint.mjs FILE_OR_DIRECTORY...  (exit 1 on any error)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BpmnModdle } from 'bpmn-moddle';
import bpmnlint from 'bpmnlint';
import NodeResolver from 'bpmnlint/lib/resolver/node-resolver.js';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const camundaDescriptor = require('camunda-bpmn-moddle/resources/camunda.json');
const config = JSON.parse(readFileSync(join(here, '..', '..', '.bpmnlintrc'), 'utf8'));
const linter = new bpmnlint.Linter({ config, resolver: new NodeResolver({ require }) });

function bpmnFiles(path) {
  if (statSync(path).isDirectory()) {
    return readdirSync(path).filter(name => name.endsWith('.bpmn')).sort().map(name => join(path, name));
  }
  return [path];
}

const files = process.argv.slice(2).flatMap(arg => bpmnFiles(resolve(arg)));
if (files.length === 0) {
  console.error('usage: node lint.mjs FILE_OR_DIRECTORY...');
  process.exit(2);
}

let errors = 0;
for (const file of files) {
  const moddle = new BpmnModdle({ camunda: camundaDescriptor });
  const { rootElement, warnings: parseWarnings } = await moddle.fromXML(readFileSync(file, 'utf8'));
  const results = await linter.lint(rootElement);
  const reports = Object.entries(results).flatMap(([rule, found]) => found.map(report => ({ rule, ...report })));
  for (const warning of parseWarnings) {
    reports.push({ rule: 'parse', category: 'error', message: warning.message });
  }
  const fileErrors = reports.filter(report => report.category === 'error').length;
  errors += fileErrors;
  console.log(`${file}: ${fileErrors} errors, ${reports.length - fileErrors} warnings`);
  for (const report of reports) {
    console.log(`  ${report.category} ${report.id || ''} ${report.message} (${report.rule})`);
  }
}
process.exit(errors > 0 ? 1 : 0);
