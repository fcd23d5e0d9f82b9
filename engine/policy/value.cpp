#include "policy/value.h"

#include <charconv>
#include <functional>

#include "policy/object_type.h"

namespace steward::policy {

Value Value::boolean(bool b) {
  Value v;
  v.kind_ = Kind::boolean;
  v.u_.b = b;
  return v;
}

Value Value::number(double n) {
  Value v;
  v.kind_ = Kind::number;
  v.u_.n = n;
  return v;
}

Value Value::borrowed(std::string_view text, const Span* origin, const ModelView* view) {
  Value v;
  v.kind_ = Kind::string;
  v.u_.s = {text.data(), text.size(), origin, view};
  return v;
}

Value Value::owned(std::string text) {
  auto storage = std::make_shared<const std::string>(std::move(text));
  Value v = borrowed(*storage);
  v.keep_ = std::move(storage);
  return v;
}

Value Value::object(const ObjectType* type, const void* address, const ModelView* view) {
  if (address == nullptr) return {};
  Value v;
  v.kind_ = Kind::object;
  v.u_.o = {type, address, view};
  return v;
}

Value Value::list(const void* base, size_t count, size_t stride, ElementWrap wrap,
                  const ModelView* view) {
  Value v;
  v.kind_ = Kind::list;
  v.u_.l = {base, static_cast<uint32_t>(count), static_cast<uint32_t>(stride), wrap, view};
  return v;
}

namespace {
Value copy_value(const void* address, const ModelView*) {
  return *static_cast<const Value*>(address);
}
}  // namespace

Value Value::owned_list(std::vector<Value> items) {
  auto storage = std::make_shared<const std::vector<Value>>(std::move(items));
  Value v = list(*storage, copy_value, nullptr);
  v.keep_ = std::move(storage);
  return v;
}

const ModelView* Value::view() const {
  switch (kind_) {
    case Kind::string:
      return u_.s.view;
    case Kind::object:
      return u_.o.view;
    case Kind::list:
      return u_.l.view;
    default:
      return nullptr;
  }
}

Value Value::at(size_t index) const {
  if (kind_ != Kind::list || index >= u_.l.count) return {};
  const char* base = static_cast<const char*>(u_.l.base);
  return u_.l.wrap(base + index * u_.l.stride, u_.l.view);
}

namespace {

std::string format_number(double n) {
  char buffer[64];
  // Integers print without a fraction (3, not 3.000000); others in the shortest exact form.
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, n);
  if (error != std::errc{}) return "?";
  return std::string(buffer, end);
}

}  // namespace

std::string Value::display() const {
  switch (kind_) {
    case Kind::none:
      return "none";
    case Kind::boolean:
      return u_.b ? "true" : "false";
    case Kind::number:
      return format_number(u_.n);
    case Kind::string:
      return std::string(as_string());
    case Kind::object:
      return u_.o.type && u_.o.type->display ? u_.o.type->display(u_.o.address)
                                             : (u_.o.type ? u_.o.type->name : "object");
    case Kind::list: {
      std::string text;
      for (size_t i = 0; i < size(); ++i) {
        if (i > 0) text += ", ";
        text += at(i).display();
      }
      return text;
    }
  }
  return "";
}

bool equal(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Value::Kind::none:
      return true;
    case Value::Kind::boolean:
      return a.as_bool() == b.as_bool();
    case Value::Kind::number:
      return a.as_number() == b.as_number();
    case Value::Kind::string:
      return a.as_string() == b.as_string();
    case Value::Kind::object:
      return a.address() == b.address();
    case Value::Kind::list:
      if (a.size() != b.size()) return false;
      for (size_t i = 0; i < a.size(); ++i) {
        if (!equal(a.at(i), b.at(i))) return false;
      }
      return true;
  }
  return false;
}

bool less(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) return a.as_number() < b.as_number();
  if (a.is_string() && b.is_string()) return a.as_string() < b.as_string();
  return false;
}

size_t hash_value(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::none:
      return 0x9e3779b9;
    case Value::Kind::boolean:
      return value.as_bool() ? 1 : 2;
    case Value::Kind::number:
      return std::hash<double>{}(value.as_number() == 0 ? 0.0 : value.as_number());
    case Value::Kind::string:
      return std::hash<std::string_view>{}(value.as_string());
    case Value::Kind::object:
      return std::hash<const void*>{}(value.address());
    case Value::Kind::list: {
      size_t h = value.size();
      for (size_t i = 0; i < value.size(); ++i)
        h = h * 31 + hash_value(value.at(i));
      return h;
    }
  }
  return 0;
}

}  // namespace steward::policy
