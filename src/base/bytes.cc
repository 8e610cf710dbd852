// Byte helpers: wiping, constant-time comparison, hex.
#include "kstore/bytes.h"

#include <algorithm>
#include <cstring>

namespace kstore {

void secure_wipe(void* data, size_t size) {
  // A volatile function pointer keeps the compiler from proving the memset dead.
  static void* (*const volatile memset_fn)(void*, int, size_t) = std::memset;
  memset_fn(data, 0, size);
}

bool constant_time_equal(ByteView a, ByteView b) {
  if (a.size() != b.size()) return false;
  volatile uint8_t diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff = diff | (a[i] ^ b[i]);
  return diff == 0;
}

std::string to_hex(ByteView b) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(b.size() * 2);
  for (uint8_t byte : b) {
    out.push_back(kDigits[byte >> 4]);
    out.push_back(kDigits[byte & 15]);
  }
  return out;
}

void SecretBytes::append(ByteView more) {
  if (more.empty()) return;
  if (data_.size() + more.size() <= data_.capacity()) {
    data_.insert(data_.end(), more.begin(), more.end());
    return;
  }
  std::vector<uint8_t> grown;
  grown.reserve(std::max(data_.capacity() * 2, data_.size() + more.size()));
  grown.insert(grown.end(), data_.begin(), data_.end());
  grown.insert(grown.end(), more.begin(), more.end());
  wipe();
  data_.swap(grown);
}

void SecretBytes::truncate(size_t n) {
  if (n >= data_.size()) return;
  secure_wipe(data_.data() + n, data_.size() - n);
  data_.resize(n);
}

}  // namespace kstore
