// Java String rules for aliases and names (kstore/java_string.h): the public
// face of the helpers in base/utf, the ASCII case rule, hashCode and Hashtable order.
#include "kstore/java_string.h"

#include "base/utf.h"

namespace kstore {

std::string java_lower_case(std::string_view utf8) { return utf::java_to_lower_utf8(utf8); }

int java_compare(std::string_view a, std::string_view b) { return utf::java_compare(a, b); }

std::u32string decode_utf8_lenient(std::string_view utf8) { return utf::decode_utf8_lenient(utf8); }

bool equals_ignore_ascii_case(std::string_view a, std::string_view b) {
  auto fold = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (fold(a[i]) != fold(b[i])) return false;
  return true;
}

int32_t java_hash_code(std::string_view utf8) {
  uint32_t h = 0;
  Result<std::u16string> units = utf::decode_utf8(utf8);
  if (units.ok()) {
    for (char16_t u : *units) h = 31 * h + u;
  } else {
    // Not text the JDK could hold (a Keystore's aliases always are): each byte
    // counts as one char, so that the order is still a fixed one.
    for (char c : utf8) h = 31 * h + static_cast<unsigned char>(c);
  }
  return static_cast<int32_t>(h);
}

std::vector<size_t> java_hashtable_order(const std::vector<std::string>& keys) {
  // Buckets hold chains, newest first, as Hashtable.addEntry links them. The
  // chains are linked through `next` (indices into keys, -1 ends a chain):
  // no allocation per node, which for 10000 aliases was most of the cost.
  std::vector<uint32_t> hash(keys.size());  // hashCode() & 0x7FFFFFFF
  std::vector<int64_t> next(keys.size(), -1);
  size_t capacity = 11;
  size_t threshold = 8;  // (int) (11 * 0.75)
  std::vector<int64_t> head(capacity, -1);
  size_t count = 0;
  for (size_t k = 0; k < keys.size(); ++k) {
    hash[k] = static_cast<uint32_t>(java_hash_code(keys[k])) & 0x7FFFFFFFu;
    bool present = false;
    for (int64_t n = head[hash[k] % capacity]; n >= 0 && !present; n = next[n])
      present = hash[n] == hash[k] && keys[n] == keys[k];
    if (present) continue;
    if (count >= threshold) {
      // Hashtable.rehash: old buckets from the last to the first, each chain
      // from its head, every node pushed onto the head of its new bucket.
      const size_t new_capacity = capacity * 2 + 1;
      std::vector<int64_t> grown(new_capacity, -1);
      for (size_t i = capacity; i-- > 0;) {
        for (int64_t n = head[i], after; n >= 0; n = after) {
          after = next[n];
          const size_t b = hash[n] % new_capacity;
          next[n] = grown[b];
          grown[b] = n;
        }
      }
      head = std::move(grown);
      capacity = new_capacity;
      threshold = static_cast<size_t>(static_cast<double>(new_capacity) * 0.75);
    }
    const size_t b = hash[k] % capacity;
    next[k] = head[b];
    head[b] = static_cast<int64_t>(k);
    ++count;
  }
  // Enumerator: buckets from the last to the first, each chain from its head.
  std::vector<size_t> order;
  order.reserve(count);
  for (size_t i = capacity; i-- > 0;)
    for (int64_t n = head[i]; n >= 0; n = next[n]) order.push_back(static_cast<size_t>(n));
  return order;
}

}  // namespace kstore
