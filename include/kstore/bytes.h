// Byte containers: Bytes (public data), ByteView (borrowed), SecretBytes (wiped, move-only).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kstore {

using Bytes = std::vector<uint8_t>;
using ByteView = std::span<const uint8_t>;
using MutableByteView = std::span<uint8_t>;

inline ByteView as_bytes(std::string_view s) {
  return ByteView(reinterpret_cast<const uint8_t*>(s.data()), s.size());
}
inline std::string_view as_chars(ByteView b) {
  return std::string_view(reinterpret_cast<const char*>(b.data()), b.size());
}
inline Bytes to_bytes(ByteView b) { return Bytes(b.begin(), b.end()); }
inline bool equal_bytes(ByteView a, ByteView b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

// Overwrites memory in a way the optimiser may not remove.
void secure_wipe(void* data, size_t size);

// Compares in time that depends only on the lengths, never on the contents.
bool constant_time_equal(ByteView a, ByteView b);

// Lower-case hex of the bytes, for diagnostics and tests (never for secrets).
std::string to_hex(ByteView b);

// Holds passwords, derived keys and plaintext keys. Wiped on destruction and
// on reassignment; copies are explicit (clone) so that they stay greppable.
class SecretBytes {
 public:
  SecretBytes() = default;
  explicit SecretBytes(size_t size) : data_(size) {}
  explicit SecretBytes(ByteView contents) : data_(contents.begin(), contents.end()) {}
  ~SecretBytes() { wipe(); }

  SecretBytes(const SecretBytes&) = delete;
  SecretBytes& operator=(const SecretBytes&) = delete;
  SecretBytes(SecretBytes&& other) noexcept : data_(std::move(other.data_)) { other.data_.clear(); }
  SecretBytes& operator=(SecretBytes&& other) noexcept {
    if (this != &other) {
      wipe();
      data_ = std::move(other.data_);
      other.data_.clear();
    }
    return *this;
  }

  SecretBytes clone() const { return SecretBytes(view()); }

  uint8_t* data() { return data_.data(); }
  const uint8_t* data() const { return data_.data(); }
  size_t size() const { return data_.size(); }
  bool empty() const { return data_.empty(); }
  uint8_t& operator[](size_t i) { return data_[i]; }
  uint8_t operator[](size_t i) const { return data_[i]; }

  ByteView view() const { return ByteView(data_.data(), data_.size()); }
  MutableByteView mutable_view() { return MutableByteView(data_.data(), data_.size()); }
  operator ByteView() const { return view(); }  // NOLINT: reading a secret is fine, copying is not

  // Appends; grows by reallocating into a fresh buffer so no unwiped copy is left behind.
  void append(ByteView more);
  void push_back(uint8_t b) { append(ByteView(&b, 1)); }
  // Shrinks to n bytes, wiping the tail.
  void truncate(size_t n);

 private:
  void wipe() {
    if (!data_.empty()) secure_wipe(data_.data(), data_.size());
  }
  std::vector<uint8_t> data_;
};

}  // namespace kstore
