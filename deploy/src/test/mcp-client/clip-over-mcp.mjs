// Takes a video to an exported clip over MCP by following next_action alone, with one reselect, then
// checks that unknown ids and bad arguments come back as isError results. Prints one JSON summary line.
//   node clip-over-mcp.mjs <base-url> <video-url> <api-key>
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";

const [base, videoUrl, apiKey] = process.argv.slice(2);
// every MCP request carries the API key, as REST requests do
const signedIn = { requestInit: { headers: { Authorization: `Bearer ${apiKey}` } } };
const log = (...a) => console.error(new Date().toISOString().slice(11, 23), ...a);

async function connect(transport) {
  const client = new Client({ name: "clipforge-test", version: "1.0.0" });
  await client.connect(transport);
  return client;
}

async function call(client, name, args) {
  const r = await client.callTool({ name, arguments: args }, undefined, { timeout: 120_000 });
  return { isError: r.isError === true, value: r.structuredContent ?? JSON.parse(r.content[0].text), text: r.content[0].text };
}

async function ok(client, name, args) {
  const r = await call(client, name, args);
  if (r.isError) throw new Error(`${name} failed: ${r.text}`);
  return r.value;
}

const out = { actions: [] };
try {
  await connect(new StreamableHTTPClientTransport(new URL(base + "/mcp")));
  out.anonymous_refused = false;
} catch (e) {
  out.anonymous_refused = String(e).includes("401");
}
const client = await connect(new StreamableHTTPClientTransport(new URL(base + "/mcp"), signedIn));
out.tools = (await client.listTools()).tools.map(t => t.name).sort();
out.prompts = (await client.listPrompts()).prompts.map(p => p.name);
const prompt = await client.getPrompt({ name: "clip_a_video", arguments: { video: videoUrl } });
out.prompt_mentions_next_action = prompt.messages[0].content.text.includes("next_action");

// bad input: each an isError result with a code, never a protocol error
const bad = {
  unknown_clip: ["get_clip", { clip_id: "clp_doesnotexist" }],
  unknown_asset: ["get_asset", { asset_id: "ast_doesnotexist" }],
  wrong_type: ["get_clip", { clip_id: 42 }],
  missing_argument: ["export_clip", {}],
  unknown_argument: ["get_clip", { clip_id: "clp_x", colour: "red" }],
  no_source: ["create_clip", {}],
  two_sources: ["create_clip", { asset_id: "ast_x", url: videoUrl }],
  bad_enum: ["repair_clip", { clip_id: "clp_x", mode: "sideways" }],
  wait_too_long: ["get_clip", { clip_id: "clp_x", wait_seconds: 999 }],
  private_url: ["create_asset_from_url", { url: "http://169.254.169.254/latest/meta-data/" }],
  file_url: ["create_asset_from_url", { url: "file:///etc/passwd" }],
};
out.errors = {};
for (const [label, [tool, args]] of Object.entries(bad)) {
  const r = await call(client, tool, args);
  out.errors[label] = { is_error: r.isError, code: r.value?.error?.code, how_to_fix: r.value?.error?.how_to_fix ?? null };
}

// the happy path, by next_action alone
const asset = await ok(client, "create_asset_from_url", { url: videoUrl });
out.asset_id = asset.asset_id;
let run = await ok(client, "create_clip", { asset_id: asset.asset_id, min_duration_seconds: 8, max_duration_seconds: 20 });
const clipId = run.summary.clip_id;
out.clip_id = clipId;
let reselected = false;
const deadline = Date.now() + 8 * 60_000;
while (Date.now() < deadline) {
  const action = run.summary.next_action;
  out.actions.push(`${run.clip.status}:${action}`);
  if (action === "poll") {
    run = await ok(client, "get_clip", { clip_id: clipId, wait_seconds: 30 });
  } else if (action === "export" && !reselected) {
    // a reviewer prefers another moment: reselect once before exporting
    const current = run.clip.selection.suggestion_id;
    const other = run.clip.selection.alternatives.find(s => s.suggestion_id !== current);
    out.first_window = run.clip.clip_window;
    run = other
      ? await ok(client, "reselect_clip", { clip_id: clipId, suggestion_id: other.suggestion_id })
      : await ok(client, "reselect_clip", { clip_id: clipId, start_seconds: 1, end_seconds: 11 });
    out.reselected_to = other ? other.suggestion_id : "time_range";
    reselected = true;
  } else if (action === "export") {
    out.second_window = run.clip.clip_window;
    run = await ok(client, "export_clip", { clip_id: clipId, quality: "720p" });
  } else if (action === "repair") {
    run = await ok(client, "repair_clip", { clip_id: clipId, mode: "auto" });
  } else if (action === "reselect") {
    const alt = run.clip.selection.alternatives.find(s => s.suggestion_id !== run.clip.selection.suggestion_id);
    run = await ok(client, "reselect_clip", { clip_id: clipId, suggestion_id: alt.suggestion_id });
  } else {
    break;
  }
}
out.summary = run.summary;
out.suggestions = (await ok(client, "list_suggestions", { asset_id: asset.asset_id })).items.length;
const transcript = await ok(client, "get_transcript", { asset_id: asset.asset_id, format: "srt" });
out.transcript_srt_starts = transcript.text.slice(0, 2);
const listed = await ok(client, "list_clips", { project_id: run.clip.project_id });
out.listed = listed.items.map(c => c.clip_id);
await client.close();

// older clients: the same tools over SSE
const legacy = await connect(new SSEClientTransport(new URL(base + "/sse"), signedIn));
out.sse_tools = (await legacy.listTools()).tools.length;
const sseRun = await call(legacy, "get_clip", { clip_id: clipId });
out.sse_status = sseRun.value.clip?.status;
out.sse_unknown = (await call(legacy, "get_clip", { clip_id: "clp_doesnotexist" })).isError;
await legacy.close();

console.log(JSON.stringify(out));
