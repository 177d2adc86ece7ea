/**
 * V8 flags the server runs with: `npm start` passes them (package.json) and the benchmark starts
 * Accord with the same. V8's memory reducer takes a server that allocates little — an edit every
 * 20 ms — for an idle one and runs full collections on it, which throw away optimized code that
 * then has to be optimized again. Without it, at 50 edits a second in the fan-out benchmark, CPU
 * per delivered update fell from 1.36× to 1.22× the reference's and p99 from 1.19× to 1.10×
 * (means of six interleaved pairs, lower in every pair). Memory freed by idle unloading still
 * goes back, at the next full collection rather than within seconds of going idle.
 */
export const SERVER_V8_FLAGS = ['--no-memory-reducer']
