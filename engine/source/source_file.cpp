#include "source/source_file.h"

#include <cstring>

namespace steward {

SourceFile::SourceFile(std::string path, std::string text, std::string revision)
    : path_(std::move(path)), text_(std::move(text)), revision_(std::move(revision)) {
  line_starts_.push_back(0);
  // memchr finds each line break many bytes at a time: every file a check reads comes here (46 MB
  // on a large plan), and a loop over its bytes took a few percent of a cold check.
  const char* const begin = text_.data();
  const char* const end = begin + text_.size();
  for (const char* at = begin;
       (at = static_cast<const char*>(std::memchr(at, '\n', static_cast<size_t>(end - at))));
       ++at) {
    if (at + 1 < end) line_starts_.push_back(static_cast<uint32_t>(at + 1 - begin));
  }
}

std::string_view SourceFile::line(uint32_t number) const {
  if (number == 0 || number > line_starts_.size()) return {};
  uint32_t begin = line_starts_[number - 1];
  uint32_t end = number < line_starts_.size() ? line_starts_[number] : text_.size();
  std::string_view view(text_.data() + begin, end - begin);
  while (!view.empty() && (view.back() == '\n' || view.back() == '\r'))
    view.remove_suffix(1);
  // A UTF-8 byte-order mark is not text: columns on line 1 start after it, as in an editor.
  if (number == 1 && view.starts_with("\xEF\xBB\xBF")) view.remove_prefix(3);
  return view;
}

}  // namespace steward
