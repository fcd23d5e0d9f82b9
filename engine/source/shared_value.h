#pragma once

#include <atomic>
#include <cstdint>
#include <utility>

// A value held hundreds of thousands of times, mostly empty or written alike: a property's
// constraints (312 bytes, and 20,000 events that say `minimum: 0` say it the same way), its `$ref`,
// a pack rule's help in each of its 40,000 findings. It takes one counted pointer: none while the
// value equals T{}, and copies (a `$ref` taking its definition's, a pool interning equal values,
// see model/property_value_pool.h, the findings of one rule) share one T until one of them is
// changed (copy on write). Reading an unset value gives a shared empty T.
namespace steward {

template <typename T>
class SharedValue {
 public:
  SharedValue() = default;
  SharedValue(T value) { assign(std::move(value)); }  // NOLINT: implicit, as a T member was
  SharedValue& operator=(T value) {
    assign(std::move(value));
    return *this;
  }
  SharedValue(const SharedValue& other) : held_(other.held_) { retain(); }
  SharedValue(SharedValue&& other) noexcept : held_(std::exchange(other.held_, nullptr)) {}
  SharedValue& operator=(const SharedValue& other) {
    SharedValue(other).swap(*this);
    return *this;
  }
  SharedValue& operator=(SharedValue&& other) noexcept {
    SharedValue(std::move(other)).swap(*this);
    return *this;
  }
  ~SharedValue() { release(); }

  const T& operator*() const { return held_ ? held_->value : empty(); }
  const T* operator->() const { return &**this; }
  // Whether the value differs from T{} (or was once edited: see edit()).
  bool has_value() const { return held_ != nullptr; }
  // Whether `other` holds this very T (not merely an equal one).
  bool shares_with(const SharedValue& other) const { return held_ == other.held_; }

  // The value to change in place: its own copy when it was shared, a new T{} when unset.
  T& edit() {
    if (!held_) {
      held_ = new Held{};
    } else if (held_->references.load(std::memory_order_acquire) > 1) {
      Held* own = new Held{held_->value};
      release();
      held_ = own;
    }
    return held_->value;
  }

  friend bool operator==(const SharedValue& a, const SharedValue& b) { return *a == *b; }

 private:
  // The value and the count of SharedValues holding it, in one block: one pointer in each holder
  // (a std::shared_ptr is two, and a property holds four of these).
  struct Held {
    T value;
    mutable std::atomic<uint32_t> references{1};
  };

  static const T& empty() {
    static const T value{};
    return value;
  }
  void assign(T value) {
    release();
    held_ = value == T{} ? nullptr : new Held{std::move(value)};
  }
  void swap(SharedValue& other) noexcept { std::swap(held_, other.held_); }
  void retain() const {
    if (held_) held_->references.fetch_add(1, std::memory_order_relaxed);
  }
  void release() {
    if (held_ && held_->references.fetch_sub(1, std::memory_order_acq_rel) == 1) delete held_;
    held_ = nullptr;
  }

  Held* held_ = nullptr;  // never shared with anyone who may change it: see edit()
};

}  // namespace steward
