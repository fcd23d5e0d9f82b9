// ajv validating a JSON Lines sample against the schemas of `steward export json-schema --out`,
// one schema per event name: the edge validator steward's `validate` is compared with
// (tests/bench/traffic_bench.py). Prints one JSON line: events, invalid, compile ms, and the
// validation's wall and CPU ms (reading, JSON.parse and validate; the compile is outside both).
//   node ajv_validate.js SCHEMA_DIR SAMPLE.jsonl
"use strict";
const fs = require("fs");
const path = require("path");
const readline = require("readline");
const Ajv = require("ajv");
const addFormats = require("ajv-formats");

async function main() {
  const [schemaDir, sample] = process.argv.slice(2);
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const started = process.hrtime.bigint();
  const validators = new Map();
  for (const file of fs.readdirSync(schemaDir)) {
    const schema = JSON.parse(fs.readFileSync(path.join(schemaDir, file), "utf8"));
    validators.set(schema.properties.event.const, ajv.compile(schema));
  }
  const compiled = process.hrtime.bigint();
  // CPU time (user + system, every thread of the process) of the validation alone: the figure
  // per core, comparable with steward's CPU time whatever else runs on the machine.
  const cpuBefore = process.cpuUsage();
  let events = 0;
  let invalid = 0;
  const lines = readline.createInterface({ input: fs.createReadStream(sample), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    events++;
    let event;
    try {
      event = JSON.parse(line);
    } catch (e) {
      invalid++;
      continue;
    }
    if (event.type !== undefined && event.type !== "track") continue;
    const validate = validators.get(event.event);
    if (!validate || !validate(event)) invalid++;
  }
  const done = process.hrtime.bigint();
  const cpu = process.cpuUsage(cpuBefore);
  console.log(JSON.stringify({
    events, invalid,
    compile_ms: Number(compiled - started) / 1e6,
    validate_ms: Number(done - compiled) / 1e6,
    validate_cpu_ms: (cpu.user + cpu.system) / 1000,
  }));
}

main();
