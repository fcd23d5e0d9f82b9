#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace steward {

// Text that many values hold alike, as a pack rule's help is in each of its findings (40,000 of
// them on a large plan, twice on a cold check): copying it shares one string instead of
// allocating another. Immutable; empty holds nothing.
class SharedText {
 public:
  SharedText() = default;
  SharedText(std::string text)  // NOLINT: implicit, as the std::string it replaces
      : text_(text.empty() ? nullptr : std::make_shared<const std::string>(std::move(text))) {}
  SharedText(const char* text) : SharedText(std::string(text)) {}  // NOLINT: implicit

  const std::string& str() const {
    static const std::string empty;
    return text_ ? *text_ : empty;
  }
  operator const std::string&() const { return str(); }  // NOLINT: implicit
  bool empty() const { return text_ == nullptr; }
  void clear() { text_.reset(); }

  friend bool operator==(const SharedText& a, std::string_view b) { return a.str() == b; }

 private:
  std::shared_ptr<const std::string> text_;
};

}  // namespace steward
