#include "catalog/site_style.h"

#include "source/markup_escape.h"

namespace steward::catalog {

namespace {

constexpr std::string_view kStyle = R"css(
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 76rem; padding: 1rem 2rem; color: #1d2330; }
h1 { margin-bottom: .2rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #d5d9e0; }
a { color: #1a56b3; } .where { font: 12px ui-monospace, monospace; color: #5b6372; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dt { font-weight: 600; } dd { margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #e4e7ec; padding: .3rem .5rem; }
th { background: #f3f5f8; }
.pii { color: #a1260d; font-weight: 600; } .status-deprecated, .status-removed { color: #a1260d; }
#search { font-size: 16px; padding: .4rem .6rem; width: 28rem; max-width: 100%; }
#results { list-style: none; padding-left: 0; } #results li { margin: .2rem 0; }
code { font: 13px ui-monospace, monospace; }
)css";

constexpr std::string_view kSearch = R"js(
(function () {
  var index = JSON.parse(document.getElementById('search-index').textContent);
  var input = document.getElementById('search');
  var results = document.getElementById('results');
  var count = document.getElementById('result-count');
  var limit = 200;
  function matches(entry, q) {
    return entry.n.toLowerCase().indexOf(q) >= 0 || entry.d.toLowerCase().indexOf(q) >= 0;
  }
  function run() {
    var q = input.value.trim().toLowerCase();
    results.textContent = '';
    count.textContent = '';
    if (!q) return;
    var found = index.filter(function (entry) { return matches(entry, q); });
    found.slice(0, limit).forEach(function (entry) {
      var li = document.createElement('li');
      li.className = 'result result-' + entry.k;
      var a = document.createElement('a');
      a.href = entry.h;
      a.textContent = entry.n;
      li.appendChild(a);
      var kind = document.createElement('span');
      kind.className = 'kind';
      kind.textContent = ' (' + entry.k + ')' + (entry.d ? ' ' + entry.d : '');
      li.appendChild(kind);
      results.appendChild(li);
    });
    count.textContent = found.length + (found.length === 1 ? ' match' : ' matches') +
        (found.length > limit ? ', the first ' + limit + ' shown' : '');
  }
  var query = new URLSearchParams(location.search).get('q');
  if (query === null && location.hash.indexOf('#q=') === 0) {
    query = decodeURIComponent(location.hash.slice(3));
  }
  if (query !== null) input.value = query;
  input.addEventListener('input', run);
  run();
})();
)js";

}  // namespace

std::string html_page(std::string_view title, std::string_view body, std::string_view script) {
  std::string page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  // No network: a Content-Security-Policy that allows only what is inline in the page.
  page +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n";
  page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  page += "<title>" + html_escape(title) + "</title>\n<style>";
  page += kStyle;
  page += "</style>\n</head>\n<body>\n";
  page += body;
  if (!script.empty()) {
    page += "<script>";
    page += script;
    page += "</script>\n";
  }
  return page + "</body>\n</html>\n";
}

std::string_view search_script() {
  return kSearch;
}

}  // namespace steward::catalog
