#include "model/credentials.h"

#include <re2/re2.h>

#include <cctype>

namespace steward::model {

namespace {

// The words of a key: "rest_api_key" -> rest, api, key; "appKey" -> app, key.
std::vector<std::string> key_words(std::string_view key) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (size_t i = 0; i < key.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(key[i]);
    if (!std::isalnum(c)) {
      flush();
      continue;
    }
    bool boundary =
        std::isupper(c) && i > 0 && std::islower(static_cast<unsigned char>(key[i - 1]));
    if (boundary) flush();
    word += static_cast<char>(std::tolower(c));
  }
  flush();
  return words;
}

bool one_of(const std::string& word, std::initializer_list<std::string_view> options) {
  for (auto option : options) {
    if (word == option) return true;
  }
  return false;
}

bool scalar_literal(const config::Node& node) {
  // A flag (`use_platform_specific_api_keys: false`) holds no secret; a number may (a PIN).
  if (!node.is_scalar() || (!node.quoted && node.as_bool())) return false;
  return !credential_reference(node.text);
}

}  // namespace

bool credential_key(std::string_view key) {
  auto words = key_words(key);
  if (words.empty()) return false;
  const std::string& last = words.back();
  if (one_of(last, {"password", "passwd", "pwd", "secret", "token", "credential", "credentials",
                    "passphrase", "apikey", "appkey"})) {
    return true;
  }
  if (words.size() >= 2 && last == "key") {
    return one_of(words[words.size() - 2], {"api", "app", "access", "private", "secret", "write",
                                            "license", "signing", "master", "auth", "client"});
  }
  return false;
}

bool credential_reference(std::string_view value) {
  static const RE2 reference(
      R"(\s*(\{\{[^{}]*\}\}|\$\{\{[^{}]*\}\}|\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$[A-Za-z_][A-Za-z0-9_]*|(env|ENV)[:.][A-Za-z_][A-Za-z0-9_]*)\s*)");
  if (value.find_first_not_of(" \t") == std::string_view::npos) return true;
  return RE2::FullMatch(re2::StringPiece(value.data(), value.size()), reference);
}

void find_literal_credentials(const config::Node& node, const std::string& path,
                              std::vector<LiteralCredential>& out) {
  if (node.is_mapping()) {
    for (const auto& entry : node.entries) {
      std::string at = path + "." + std::string(entry.key.text);
      if (credential_key(entry.key.text) && scalar_literal(entry.value)) {
        out.push_back({at, entry.value.span});
      } else {
        find_literal_credentials(entry.value, at, out);
      }
    }
  } else if (node.is_sequence()) {
    for (size_t i = 0; i < node.items.size(); ++i)
      find_literal_credentials(node.items[i], path + "[" + std::to_string(i) + "]", out);
  }
}

std::string mask_credentials(std::string_view line) {
  // A key (bare or quoted), a colon, then a value: quoted, or plain up to a flow delimiter.
  static const RE2 pair(
      R"re(["']?([A-Za-z0-9_.\-]+)["']?\s*:\s*("(?:[^"\\]|\\.)*"|'[^']*'|[^\s,{}\[\]#][^,{}\[\]#]*))re");
  std::string out(line);
  re2::StringPiece input(out);
  re2::StringPiece key, value;
  while (RE2::FindAndConsume(&input, pair, &key, &value)) {
    std::string_view text(value.data(), value.size());
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
      text.remove_suffix(1);
    std::string_view inner = text;
    if (inner.size() >= 2 && (inner.front() == '"' || inner.front() == '\'')) {
      inner = inner.substr(1, inner.size() - 2);
    }
    if (!credential_key(std::string_view(key.data(), key.size()))) continue;
    if (credential_reference(inner) || inner == "true" || inner == "false" || inner == "null" ||
        inner == "~" || inner == "|" || inner == ">") {
      continue;
    }
    size_t start = static_cast<size_t>(inner.data() - out.data());
    for (size_t i = 0; i < inner.size(); ++i)
      out[start + i] = '*';
  }
  return out;
}

}  // namespace steward::model
