// Validates SARIF files against the SARIF 2.1.0 JSON schema shipped in the
// Multitool package (draft 2020-12), and checks what code scanning relies
// on: ruleIndex agrees with ruleId, columns are code points, every result
// has a location. Prints one `error:` line per problem.
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv2020 = require('ajv/dist/2020');
const addFormats = require('ajv-formats');

const schemaPath = path.join(__dirname, 'node_modules/@microsoft/sarif-multitool-linux/sarif-2.1.0.json');
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));

let problems = 0;
const problem = (file, text) => { problems++; console.log(`${file}: error: ${text}`); };
for (const file of process.argv.slice(2)) {
  let log;
  try { log = JSON.parse(fs.readFileSync(file, 'utf8')); } catch (e) { problem(file, `not JSON: ${e.message}`); continue; }
  if (!validate(log)) {
    for (const err of validate.errors) problem(file, `schema: ${err.instancePath || '/'} ${err.message}`);
    continue;
  }
  if (log.runs.length !== 1) problem(file, `expected one run, found ${log.runs.length}`);
  for (const run of log.runs) {
    if (run.columnKind !== 'unicodeCodePoints') problem(file, 'columnKind is not unicodeCodePoints');
    const rules = run.tool.driver.rules || [];
    for (const rule of rules) {
      if (!rule.help || !rule.help.text || !rule.helpUri || !rule.fullDescription) problem(file, `rule ${rule.id} lacks help`);
    }
    (run.results || []).forEach((result, i) => {
      const rule = rules[result.ruleIndex];
      if (!rule || rule.id !== result.ruleId) problem(file, `results[${i}]: ruleIndex ${result.ruleIndex} is not rule ${result.ruleId}`);
      if (!result.locations || result.locations.length === 0) problem(file, `results[${i}]: no location`);
    });
  }
}
process.exit(problems === 0 ? 0 : 1);
