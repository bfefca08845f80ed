// A second pprof decoder, independent of Go's: reads each file with the npm package
// pprof-format, checks that its tables hold together, and prints what ViewerConformanceIT
// compares with `go tool pprof -raw`.
//
// Usage: node decode-profiles.mjs FILE...
// Output, tab-separated, one fact per line:
//   FILE  type     TYPE/UNIT  TOTAL      (one line per sample type, in order)
//   FILE  samples  COUNT
//   FILE  comment  TEXT
//   FILE  problem  TEXT                 (only when the profile is inconsistent)
// Exit status: 0 when every file decoded, 1 when one could not be read or decoded.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { Profile } from 'pprof-format';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node decode-profiles.mjs FILE...');
  process.exit(2);
}

let failed = false;
for (const file of files) {
  try {
    for (const line of describe(file)) {
      console.log([file, ...line].join('\t'));
    }
  } catch (e) {
    console.error(`${file}: ${e.message}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);

function describe(file) {
  let bytes = readFileSync(file);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    bytes = gunzipSync(bytes);
  }
  const profile = Profile.decode(bytes);
  const strings = profile.stringTable.strings;
  const problems = [];
  const str = (index, what) => {
    const i = Number(index);
    if (!Number.isInteger(i) || i < 0 || i >= strings.length) {
      problems.push(`${what}: string index ${index} outside the table of ${strings.length}`);
      return '';
    }
    return strings[i];
  };

  if (strings[0] !== '') {
    problems.push(`string_table[0] is ${JSON.stringify(strings[0])}, want ""`);
  }
  const types = profile.sampleType.map((t, i) => `${str(t.type, `sample_type[${i}].type`)}/${str(t.unit, `sample_type[${i}].unit`)}`);
  const functionIds = ids(profile.function, 'function', problems);
  const locationIds = ids(profile.location, 'location', problems);
  const mappingIds = ids(profile.mapping, 'mapping', problems);

  for (const f of profile.function) {
    str(f.name, `function ${f.id} name`);
    str(f.systemName, `function ${f.id} system_name`);
    str(f.filename, `function ${f.id} filename`);
  }
  for (const m of profile.mapping) {
    str(m.filename, `mapping ${m.id} filename`);
    str(m.buildId, `mapping ${m.id} build_id`);
  }
  for (const loc of profile.location) {
    if (Number(loc.mappingId) !== 0 && !mappingIds.has(Number(loc.mappingId))) {
      problems.push(`location ${loc.id} refers to missing mapping ${loc.mappingId}`);
    }
    for (const line of loc.line) {
      if (!functionIds.has(Number(line.functionId))) {
        problems.push(`location ${loc.id} refers to missing function ${line.functionId}`);
      }
    }
  }

  const totals = types.map(() => 0n);
  profile.sample.forEach((sample, i) => {
    if (sample.value.length !== types.length) {
      problems.push(`sample ${i} has ${sample.value.length} values vs. ${types.length} types`);
    }
    sample.value.forEach((v, j) => {
      if (j < totals.length) {
        totals[j] += BigInt(v);
      }
    });
    if (sample.locationId.length === 0) {
      problems.push(`sample ${i} has no locations`);
    }
    for (const id of sample.locationId) {
      if (!locationIds.has(Number(id))) {
        problems.push(`sample ${i} refers to missing location ${id}`);
      }
    }
    for (const label of sample.label) {
      str(label.key, `sample ${i} label key`);
      str(label.str, `sample ${i} label value`);
    }
  });
  if (profile.periodType) {
    str(profile.periodType.type, 'period_type.type');
    str(profile.periodType.unit, 'period_type.unit');
  }
  str(profile.defaultSampleType, 'default_sample_type');

  return [
    ...types.map((type, i) => ['type', type, totals[i].toString()]),
    ['samples', String(profile.sample.length)],
    ...profile.comment.map((c, i) => ['comment', str(c, `comment[${i}]`)]),
    ...problems.map(p => ['problem', p]),
  ];
}

/** The ids of a table, reporting zero and duplicate ids as problems. */
function ids(table, what, problems) {
  const seen = new Set();
  for (const entry of table) {
    const id = Number(entry.id);
    if (id === 0) {
      problems.push(`${what} with id 0`);
    } else if (seen.has(id)) {
      problems.push(`${what} id ${id} used twice`);
    }
    seen.add(id);
  }
  return seen;
}
