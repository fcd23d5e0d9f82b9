#include "model/type_names.h"

#include <algorithm>
#include <array>

namespace steward::model {

namespace {

// The names a packed list can hold, by code.
const std::array<std::string, 7> kJsonTypes = {"string", "number", "integer", "boolean",
                                               "object", "array",  "null"};
constexpr size_t kMaxPacked = 15;  // the count's four bits
constexpr int kCountShift = 1;
constexpr int kCodesShift = 5;
constexpr int kCodeBits = 3;

int code_of(std::string_view name) {
  for (size_t code = 0; code < kJsonTypes.size(); ++code)
    if (kJsonTypes[code] == name) return static_cast<int>(code);
  return -1;
}

}  // namespace

TypeNames::TypeNames(std::initializer_list<std::string_view> names) {
  for (std::string_view name : names)
    push_back(name);
}

TypeNames::TypeNames(const std::vector<std::string>& names) {
  for (const std::string& name : names)
    push_back(name);
}

TypeNames::TypeNames(const TypeNames& other) : bits_(other.bits_) {
  if (bits_ != 0 && !packed()) {
    bits_ = reinterpret_cast<uintptr_t>(new std::vector<std::string>(*other.heap()));
  }
}

TypeNames& TypeNames::operator=(const TypeNames& other) {
  if (this != &other) *this = TypeNames(other);
  return *this;
}

TypeNames& TypeNames::operator=(TypeNames&& other) noexcept {
  if (this != &other) {
    release();
    bits_ = other.bits_;
    other.bits_ = 0;
  }
  return *this;
}

void TypeNames::release() {
  if (bits_ != 0 && !packed()) delete heap();
}

size_t TypeNames::size() const {
  if (bits_ == 0) return 0;
  if (packed()) return (bits_ >> kCountShift) & 0xF;
  return heap()->size();
}

const std::string& TypeNames::operator[](size_t i) const {
  if (packed()) return kJsonTypes[(bits_ >> (kCodesShift + kCodeBits * i)) & 0x7];
  return (*heap())[i];
}

bool TypeNames::contains(std::string_view name) const {
  return std::find(begin(), end(), name) != end();
}

void TypeNames::push_back(std::string_view name) {
  const size_t count = size();
  if (bits_ == 0 || packed()) {
    const int code = code_of(name);
    if (code >= 0 && count < kMaxPacked) {
      bits_ = (bits_ & ~(uint64_t{0xF} << kCountShift)) | 1 | (uint64_t{count + 1} << kCountShift) |
              (uint64_t(code) << (kCodesShift + kCodeBits * count));
      return;
    }
    move_to_heap();
  }
  heap()->emplace_back(name);
}

void TypeNames::move_to_heap() {
  auto* names = new std::vector<std::string>(begin(), end());
  bits_ = reinterpret_cast<uintptr_t>(names);
}

bool operator==(const TypeNames& a, const TypeNames& b) {
  if (a.bits_ == b.bits_) return true;
  return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

bool operator==(const TypeNames& a, const std::vector<std::string>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

}  // namespace steward::model
