// A Spectral resolver that resolves no $ref: event files say `$ref: order_id` (a property of the
// tracking plan, not a file), which Spectral would otherwise try to read as a file. scripts/bench
// copies it next to Spectral's node_modules so that require() finds the package.
const { Resolver } = require('@stoplight/spectral-ref-resolver');

module.exports = new Resolver({ dereferenceInline: false, dereferenceRemote: false });
