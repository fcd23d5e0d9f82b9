#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

// A property's JSON Schema types, in the order written ("string", or "string", "null" for a
// union), in 8 bytes. A model holds hundreds of thousands of properties, nearly all with one or two
// of the seven JSON Schema type names: a vector of strings took 24 bytes in each and a 32-byte
// block on the heap besides. Here those names are 3-bit codes packed into one word; a list with any
// other name (formats such as RudderStack's may carry one through) or with more than 15 names is
// kept as a vector on the heap instead. Reads like a const vector of strings.
namespace steward::model {

class TypeNames {
 public:
  class const_iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using iterator_concept = std::random_access_iterator_tag;
    using value_type = std::string;
    using difference_type = std::ptrdiff_t;
    using pointer = const std::string*;
    using reference = const std::string&;

    const_iterator() = default;
    const_iterator(const TypeNames* names, size_t at) : names_(names), at_(at) {}

    reference operator*() const { return (*names_)[at_]; }
    pointer operator->() const { return &**this; }
    reference operator[](difference_type n) const { return (*names_)[at_ + n]; }
    const_iterator& operator++() {
      ++at_;
      return *this;
    }
    const_iterator operator++(int) { return {names_, at_++}; }
    const_iterator& operator--() {
      --at_;
      return *this;
    }
    const_iterator operator--(int) { return {names_, at_--}; }
    const_iterator& operator+=(difference_type n) {
      at_ += n;
      return *this;
    }
    const_iterator& operator-=(difference_type n) {
      at_ -= n;
      return *this;
    }
    friend const_iterator operator+(const_iterator it, difference_type n) { return it += n; }
    friend const_iterator operator+(difference_type n, const_iterator it) { return it += n; }
    friend const_iterator operator-(const_iterator it, difference_type n) { return it -= n; }
    friend difference_type operator-(const const_iterator& a, const const_iterator& b) {
      return static_cast<difference_type>(a.at_) - static_cast<difference_type>(b.at_);
    }
    friend bool operator==(const const_iterator& a, const const_iterator& b) {
      return a.at_ == b.at_;
    }
    friend auto operator<=>(const const_iterator& a, const const_iterator& b) {
      return a.at_ <=> b.at_;
    }

   private:
    const TypeNames* names_ = nullptr;
    size_t at_ = 0;
  };
  using iterator = const_iterator;
  using value_type = std::string;
  using size_type = size_t;

  TypeNames() = default;
  TypeNames(std::initializer_list<std::string_view> names);
  TypeNames(const std::vector<std::string>& names);  // NOLINT: implicit, as the vector was
  TypeNames(const TypeNames& other);
  TypeNames(TypeNames&& other) noexcept : bits_(other.bits_) { other.bits_ = 0; }
  TypeNames& operator=(const TypeNames& other);
  TypeNames& operator=(TypeNames&& other) noexcept;
  ~TypeNames() { release(); }

  size_t size() const;
  bool empty() const { return bits_ == 0 || size() == 0; }
  const std::string& operator[](size_t i) const;
  const std::string& front() const { return (*this)[0]; }
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size()}; }
  bool contains(std::string_view name) const;

  void push_back(std::string_view name);
  void clear() {
    release();
    bits_ = 0;
  }
  std::vector<std::string> to_vector() const { return {begin(), end()}; }

  friend bool operator==(const TypeNames& a, const TypeNames& b);
  friend bool operator==(const TypeNames& a, const std::vector<std::string>& b);

 private:
  // 0: no names. Low bit 1: packed, the count in bits 1-4 and name i's code in the three bits
  // from 5 + 3i. Otherwise: a heap vector's address (aligned, so its low bit is 0).
  uint64_t bits_ = 0;

  bool packed() const { return (bits_ & 1) != 0; }
  std::vector<std::string>* heap() const {
    return reinterpret_cast<std::vector<std::string>*>(static_cast<uintptr_t>(bits_));
  }
  void release();
  void move_to_heap();
};

}  // namespace steward::model
