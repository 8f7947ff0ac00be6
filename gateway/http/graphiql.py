"""The page browsers get at GET /graphql: GraphiQL from our own assets, never a CDN."""

from __future__ import annotations

from pathlib import Path


def _assets() -> Path:
    from gateway.http.web import web_dist

    return web_dist() / "graphiql"


def graphiql_available() -> bool:
    return (_assets() / "index.html").is_file()


def graphiql_page(endpoint: str) -> str:
    if graphiql_available():
        return (_assets() / "index.html").read_text(encoding="utf-8").replace("__ENDPOINT__", endpoint)
    # Without the built assets (web/ not built), a plain console that needs no scripts from
    # elsewhere: enough to run an operation and read the answer.
    return _CONSOLE.replace("__ENDPOINT__", endpoint)


_CONSOLE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Modelplane GraphQL</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;display:grid;grid-template-rows:auto 1fr;height:100vh}
header{padding:.5rem 1rem;background:#1f2937;color:#fff}
main{display:grid;grid-template-columns:1fr 1fr;gap:.5rem;padding:.5rem}
textarea,pre{width:100%;height:100%;box-sizing:border-box;font:13px ui-monospace,monospace;margin:0}
pre{overflow:auto;background:#f3f4f6;padding:.5rem}
button{margin-left:1rem}
</style></head>
<body><header>Modelplane GraphQL console <button id="run" type="button">Run (Ctrl+Enter)</button>
<small>Build web/ for the full GraphiQL.</small></header>
<main><div style="display:grid;grid-template-rows:3fr 1fr;gap:.5rem">
<label>Operation<textarea id="query" aria-label="operation">{ __schema { queryType { name } } }</textarea></label>
<label>Variables<textarea id="variables" aria-label="variables">{}</textarea></label></div>
<pre id="result" aria-live="polite"></pre></main>
<script>
async function run(){
  const out=document.getElementById('result');
  let variables={};
  try{variables=JSON.parse(document.getElementById('variables').value||'{}')}catch(e){out.textContent='Variables: '+e;return}
  const r=await fetch('__ENDPOINT__',{method:'POST',headers:{'content-type':'application/json'},
    body:JSON.stringify({query:document.getElementById('query').value,variables})});
  out.textContent=JSON.stringify(await r.json(),null,2);
}
document.getElementById('run').onclick=run;
document.addEventListener('keydown',e=>{if(e.ctrlKey&&e.key==='Enter')run()});
</script></body></html>
"""
