#include "source/source_file.h"

namespace steward {

SourceFile::SourceFile(std::string path, std::string text, std::string revision)
    : path_(std::move(path)), text_(std::move(text)), revision_(std::move(revision)) {
  line_starts_.push_back(0);
  for (uint32_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n' && i + 1 < text_.size()) line_starts_.push_back(i + 1);
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
