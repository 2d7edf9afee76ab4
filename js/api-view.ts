/**
 * The "Use via API" page: every named endpoint with its parameters, what it
 * returns, and ready-to-copy calls from gradio_client (Python),
 * @gradio/client (JavaScript), curl and MCP. A lazy chunk: it is fetched
 * only when someone opens the page (`api-footer.ts` imports it).
 *
 * On a server the endpoints come from `/gradio_api/info`, the API info that
 * `view_api()` reads; in `<gradio-lite>` there is no HTTP API, so they come
 * from the app's config and the page says how the page's JavaScript drives
 * the app instead.
 */
import type { AppConfig } from "./protocol";
import type { RecordedCall } from "./api-recorder";

/** One parameter or return value, as `/gradio_api/info` describes it. */
export interface ApiValue {
  label: string;
  parameter_name?: string;
  parameter_has_default?: boolean;
  parameter_default?: unknown;
  example_input?: unknown;
  python_type?: { type: string; description?: string };
  type?: { type?: string; title?: string } & Record<string, unknown>;
  component: string;
}

export interface ApiEndpoint {
  parameters: ApiValue[];
  returns: ApiValue[];
}

export interface ApiInfo {
  named_endpoints: Record<string, ApiEndpoint>;
}

/** Where the endpoints come from and how they can be reached. */
export type ApiSource =
  | { kind: "server"; appUrl: string; info: ApiInfo; mcp: boolean }
  | { kind: "lite"; info: ApiInfo };

const LANGUAGES = ["Python", "JavaScript", "cURL", "MCP"] as const;
type Language = (typeof LANGUAGES)[number];

function isFile(value: ApiValue): boolean {
  return value.type?.title === "FileData";
}

/** A value to put in an example call: the API's own example, else one of the right type. */
function example(value: ApiValue): unknown {
  if (value.example_input !== undefined && value.example_input !== null) return value.example_input;
  switch (value.type?.type) {
    case "number":
    case "integer":
      return 3;
    case "boolean":
      return true;
    case "array":
      return [];
    case "object":
      return {};
    default:
      return "Hello!!";
  }
}

const SAMPLE_FILE = "https://github.com/gradio-app/gradio/raw/main/test/test_files/sample_file.pdf";

function pythonValue(value: ApiValue): string {
  if (isFile(value)) return `handle_file(${JSON.stringify(SAMPLE_FILE)})`;
  const sample = example(value);
  if (sample === true) return "True";
  if (sample === false) return "False";
  if (sample === null) return "None";
  return JSON.stringify(sample);
}

function jsValue(value: ApiValue): string {
  if (isFile(value)) return `handle_file(await (await fetch(${JSON.stringify(SAMPLE_FILE)})).blob())`;
  return JSON.stringify(example(value));
}

function curlValue(value: ApiValue): unknown {
  return isFile(value) ? { path: SAMPLE_FILE, meta: { _type: "gradio.FileData" } } : example(value);
}

function parameterName(value: ApiValue, index: number): string {
  return value.parameter_name ?? `param_${index}`;
}

export function pythonSnippet(appUrl: string, name: string, endpoint: ApiEndpoint): string {
  const files = endpoint.parameters.some(isFile);
  const args = endpoint.parameters.map((p, i) => `    ${parameterName(p, i)}=${pythonValue(p)},\n`).join("");
  return (
    `from gradio_client import Client${files ? ", handle_file" : ""}\n\n` +
    `client = Client(${JSON.stringify(appUrl)})\n` +
    `result = client.predict(\n${args}    api_name=${JSON.stringify(name)},\n)\nprint(result)\n`
  );
}

export function jsSnippet(appUrl: string, name: string, endpoint: ApiEndpoint): string {
  const files = endpoint.parameters.some(isFile);
  const args = endpoint.parameters.map((p, i) => `  ${parameterName(p, i)}: ${jsValue(p)},\n`).join("");
  return (
    `import { Client${files ? ", handle_file" : ""} } from "@gradio/client";\n\n` +
    `const client = await Client.connect(${JSON.stringify(appUrl)});\n` +
    `const result = await client.predict(${JSON.stringify(name)}, {\n${args}});\n` +
    `console.log(result.data);\n`
  );
}

/** A POST of `data` to endpoint `name` ("/name") and the GET of its result, as one shell line. */
function curlCommand(appUrl: string, name: string, data: unknown[]): string {
  const call = `${appUrl.replace(/\/$/, "")}/gradio_api/call${name}`;
  const body = JSON.stringify({ data }).replaceAll("'", "'\\''");
  return (
    `curl -X POST ${call} -s -H "Content-Type: application/json" -d '${body}' \\\n` +
    `  | awk -F'"' '{ print $4 }' \\\n` +
    `  | read EVENT_ID; curl -N ${call}/$EVENT_ID\n`
  );
}

export function curlSnippet(appUrl: string, name: string, endpoint: ApiEndpoint): string {
  return curlCommand(appUrl, name, endpoint.parameters.map(curlValue));
}

export function mcpSnippet(appUrl: string): string {
  const url = `${appUrl.replace(/\/$/, "")}/gradio_api/mcp/`;
  return JSON.stringify({ mcpServers: { gradio: { url } } }, null, 2) + "\n";
}

/** What the page's own script can do with an app in `<gradio-lite>`: the controller's calls. */
export function liteSnippet(): string {
  return (
    `// In this page's own script: the <gradio-lite> element's controller.\n` +
    `const controller = document.querySelector("gradio-lite").controller;\n` +
    `controller.addEventListener("stdout", (event) => console.log(event.detail));\n` +
    `await controller.run_code(newCode);   // run another version of the app\n`
  );
}

function isFileData(value: unknown): value is { path?: unknown; url?: unknown } {
  if (typeof value !== "object" || value === null) return false;
  const meta = (value as { meta?: { _type?: unknown } }).meta;
  return meta?._type === "gradio.FileData";
}

/** A value the page sent, written as Python: JSON's literals are Python's but for true, false and null. */
export function pythonLiteral(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : `float("${String(value)}")`;
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pythonLiteral).join(", ")}]`;
  if (isFileData(value)) return `handle_file(${JSON.stringify(String(value.url ?? value.path ?? ""))})`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}: ${pythonLiteral(item)}`).join(", ")}}`;
}

/** A recorded call's parameter names, from the API info; null when it does not name every value (then they go by position). */
function parameterNames(info: ApiInfo, call: NamedCall): string[] | null {
  const parameters = info.named_endpoints[`/${call.apiName}`]?.parameters ?? [];
  const names = call.values.map((_, index) => parameters[index]?.parameter_name);
  return names.every((name): name is string => typeof name === "string") ? names : null;
}

type NamedCall = RecordedCall & { apiName: string };

/** Each call as `replay` writes it; a call to no endpoint as a `comment` line, which no client can make. */
function replaySteps(calls: readonly RecordedCall[], comment: string, replay: (call: NamedCall) => string): string {
  return calls.map((call) => call.apiName === null
    ? `${comment} (a call that only updates the page: it has no API name)\n`
    : replay(call as NamedCall)).join("");
}

/** Python that replays `calls` in order with gradio_client. */
export function recordedPythonSnippet(appUrl: string, info: ApiInfo, calls: readonly RecordedCall[]): string {
  const files = calls.some((call) => call.values.some(isFileData));
  const steps = replaySteps(calls, "#", (call) => {
    const names = parameterNames(info, call);
    const args = call.values.map((value, index) => `    ${names === null ? "" : `${names[index]}=`}${pythonLiteral(value)},\n`).join("");
    return `client.predict(\n${args}    api_name=${JSON.stringify(`/${call.apiName}`)},\n)\n`;
  });
  return `from gradio_client import Client${files ? ", handle_file" : ""}\n\nclient = Client(${JSON.stringify(appUrl)})\n${steps}`;
}

/** JavaScript that replays `calls` in order with @gradio/client. */
export function recordedJsSnippet(appUrl: string, info: ApiInfo, calls: readonly RecordedCall[]): string {
  const steps = replaySteps(calls, "//", (call) => {
    const names = parameterNames(info, call);
    const payload = names === null
      ? JSON.stringify(call.values)
      : `{\n${call.values.map((value, index) => `  ${names[index]}: ${JSON.stringify(value)},\n`).join("")}}`;
    return `await client.predict(${JSON.stringify(`/${call.apiName}`)}, ${payload});\n`;
  });
  return `import { Client } from "@gradio/client";\n\nconst client = await Client.connect(${JSON.stringify(appUrl)});\n${steps}`;
}

/** curl commands that replay `calls` in order. */
export function recordedCurlSnippet(appUrl: string, calls: readonly RecordedCall[]): string {
  return replaySteps(calls, "#", (call) => `${curlCommand(appUrl, `/${call.apiName}`, call.values)}\n`);
}

/** The endpoints of a config, for a runtime with no `/gradio_api/info` (the browser). */
export function apiInfoFromConfig(config: AppConfig): ApiInfo {
  const components = new Map(config.components.map((component) => [component.id, component]));
  const describe = (id: number, index: number): ApiValue => {
    const component = components.get(id);
    const label = typeof component?.props.label === "string" ? component.props.label : `value_${index}`;
    return { label, parameter_name: label.toLowerCase().replace(/\W+/g, "_"), component: component?.type ?? "", type: {} };
  };
  const named: Record<string, ApiEndpoint> = {};
  for (const dependency of config.dependencies) {
    if (dependency.api_name === null) continue;
    const shown = (id: number): boolean => components.get(id)?.type !== "state";
    named[`/${dependency.api_name}`] = {
      parameters: dependency.inputs.filter(shown).map(describe),
      returns: dependency.outputs.filter(shown).map(describe),
    };
  }
  return { named_endpoints: named };
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className !== undefined) node.className = className;
  return node;
}

function codeBlock(label: string, code: string): HTMLElement {
  const figure = element("figure", undefined, "pagelet-api-code");
  const caption = element("figcaption", label);
  const copy = element("button", "Copy");
  copy.type = "button";
  copy.setAttribute("aria-label", `Copy ${label}`);
  copy.addEventListener("click", () => {
    void navigator.clipboard?.writeText(code).then(
      () => (copy.textContent = "Copied"),
      () => (copy.textContent = "Select and copy"),
    );
  });
  caption.append(" ", copy);
  const pre = element("pre");
  pre.append(element("code", code));
  figure.append(caption, pre);
  return figure;
}


function valueList(title: string, values: ApiValue[], parameters: boolean): HTMLElement {
  const section = element("div");
  section.append(element("h4", title));
  if (values.length === 0) {
    section.append(element("p", parameters ? "No parameters." : "Nothing."));
    return section;
  }
  const list = element("ul");
  values.forEach((value, index) => {
    const item = element("li");
    const name = parameters ? parameterName(value, index) : `[${index}]`;
    // The browser's config names components, not Python types: then only the component is said.
    const type = value.python_type?.type;
    item.append(element("code", name), `${type === undefined ? "" : `: ${type}`} (the "${value.label}" ${value.component})`);
    if (parameters && value.parameter_has_default === false) item.append(", required");
    list.append(item);
  });
  section.append(list);
  return section;
}

function snippet(language: Language, source: ApiSource, name: string, endpoint: ApiEndpoint): HTMLElement {
  if (source.kind === "lite") return codeBlock("JavaScript", liteSnippet());
  switch (language) {
    case "Python":
      return codeBlock(`Python for ${name}`, pythonSnippet(source.appUrl, name, endpoint));
    case "JavaScript":
      return codeBlock(`JavaScript for ${name}`, jsSnippet(source.appUrl, name, endpoint));
    case "cURL":
      return codeBlock(`cURL for ${name}`, curlSnippet(source.appUrl, name, endpoint));
    case "MCP":
      if (!source.mcp) return element("p", "This app serves no MCP tools: launch it with mcp_server=True to add them.");
      return codeBlock(`MCP for ${name}`, mcpSnippet(source.appUrl));
  }
}

/** What the API page offers of the API recorder: the calls recorded, and starting a new recording. */
export interface Recording {
  calls: readonly RecordedCall[];
  start: () => void;
}

// Where `pagelet run` serves an app by default: a page with no server replays its calls there.
const LOCAL_APP_URL = "http://127.0.0.1:7860/";

function recordedSnippet(language: Language, source: ApiSource, calls: readonly RecordedCall[]): HTMLElement {
  const appUrl = source.kind === "server" ? source.appUrl : LOCAL_APP_URL;
  switch (source.kind === "lite" ? "Python" : language) {
    case "JavaScript":
      return codeBlock("JavaScript for the recorded calls", recordedJsSnippet(appUrl, source.info, calls));
    case "cURL":
      return codeBlock("cURL for the recorded calls", recordedCurlSnippet(appUrl, calls));
    default:
      return codeBlock("Python for the recorded calls", recordedPythonSnippet(appUrl, source.info, calls));
  }
}

/** The recorded calls, with code to replay them, as the API page shows them first. */
function recordedSection(language: Language, source: ApiSource, calls: readonly RecordedCall[]): HTMLElement {
  const section = element("div", undefined, "pagelet-api-recorded");
  // Gradio's id and words, which its tests look for.
  const title = element("p", `🪄 Recorded API Calls [${calls.length}]`);
  title.id = "num-recorded-api-calls";
  const where = source.kind === "lite" ? ` once the same app is served with \`pagelet run\` (at ${LOCAL_APP_URL})` : "";
  section.append(
    title,
    element("p", `The code below replays the recorded calls in order${where}.`),
    recordedSnippet(language, source, calls),
    element("p", "Some calls only change the page, so a client may need only some of them."),
  );
  return section;
}

/**
 * The API page as an element: a region named "API" with a "Close" button
 * (which calls `onClose`), an "API Recorder" button and the calls recorded
 * (with `recording`), a language choice (server only) and one section per
 * endpoint.
 */
export function apiView(source: ApiSource, onClose: () => void, recording?: Recording): HTMLElement {
  const region = element("section", undefined, "pagelet-api");
  region.setAttribute("aria-label", "API");
  const heading = element("h2", "API");
  const close = element("button", "Close");
  close.type = "button";
  close.addEventListener("click", onClose);
  const header = element("header");
  header.append(heading);
  if (recording !== undefined) {
    const start = element("button", "API Recorder");
    start.type = "button";
    // Gradio's id: its tests start the recorder with it.
    start.id = "start-api-recorder";
    start.title = "Record the calls your clicks make, to replay them with a client";
    start.addEventListener("click", recording.start);
    header.append(start);
  }
  header.append(close);
  region.append(header);
  const endpoints = Object.entries(source.info.named_endpoints);
  if (source.kind === "lite") {
    region.append(element("p",
      "This app runs in the page, with no server: it has no HTTP or MCP API. " +
      "The page's own JavaScript drives it through the <gradio-lite> element's controller; " +
      "to call these endpoints with gradio_client, @gradio/client, curl or MCP, serve the same app with `pagelet run app.py`."));
  } else {
    const count = endpoints.length;
    region.append(element("p", `${count} API endpoint${count === 1 ? "" : "s"}, at ${source.appUrl}`));
  }
  let language: Language = "Python";
  const body = element("div");
  const draw = (): void => {
    const recorded = recording !== undefined && recording.calls.length > 0 ? [recordedSection(language, source, recording.calls)] : [];
    body.replaceChildren(...recorded, ...endpoints.map(([name, endpoint]) => {
      const article = element("article", undefined, "pagelet-api-endpoint");
      article.append(element("h3", name), valueList("Parameters", endpoint.parameters, true), valueList("Returns", endpoint.returns, false));
      article.append(snippet(language, source, name, endpoint));
      return article;
    }));
  };
  if (source.kind === "server") {
    const choice = element("fieldset", undefined, "pagelet-api-languages");
    choice.append(element("legend", "Language"));
    for (const option of LANGUAGES) {
      const label = element("label");
      const radio = element("input");
      radio.type = "radio";
      radio.name = "pagelet-api-language";
      radio.value = option;
      radio.checked = option === language;
      radio.addEventListener("change", () => {
        language = option;
        draw();
      });
      label.append(radio, ` ${option}`);
      choice.append(label);
    }
    region.append(choice);
  }
  draw();
  region.append(body);
  return region;
}
