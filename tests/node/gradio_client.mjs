// @gradio/client (the npm package) against a Pagelet server, as a JavaScript
// program would use it. Run by tests/py/server/test_gradio_js_client.py with
// the server's URL; exits non-zero on the first failed check.
import assert from "node:assert/strict";
import { Client, handle_file } from "@gradio/client";

const url = process.argv[2];
const app = await Client.connect(url);

const counted = await app.predict("/letter_count", { word: "banana", letter: "a" });
assert.deepEqual(counted.data, [3]);
console.log("ok predict with named arguments");

const shouted = await app.predict("/shout", ["hi"]);
assert.deepEqual(shouted.data, ["HI!"]);
console.log("ok predict with positional arguments");

const yields = [];
for await (const message of app.submit("/count_up", [3])) {
  if (message.type === "data") yields.push(message.data);
}
// The completion repeats the last values, as it does against Gradio.
assert.deepEqual(yields, [["1"], ["2"], ["3"], ["3"]]);
console.log("ok submit streams a generator");

const upload = new Blob(["hello from node"], { type: "text/plain" });
const echoed = await app.predict("/echo_file", [handle_file(upload)]);
const file = echoed.data[0];
assert.equal(file.size, 15);
assert.ok(file.url.startsWith(url), file.url);
assert.equal(await (await fetch(file.url)).text(), "hello from node");
console.log("ok file upload and download");

await assert.rejects(app.predict("/refuse", ["x"]), (error) => {
  assert.match(String(error.message ?? error), /no good: x/);
  return true;
});
console.log("ok gr.Error rejects with its message");

const api = await app.view_api();
assert.deepEqual(Object.keys(api.named_endpoints).sort(), ["/count_up", "/crash", "/echo_file", "/letter_count", "/refuse", "/shout"]);
assert.deepEqual(api.named_endpoints["/letter_count"].parameters.map((p) => p.parameter_name), ["word", "letter"]);
console.log("ok view_api");
process.exit(0);
