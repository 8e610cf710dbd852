// Shared pieces of the Crypto++ backend: the one place where Crypto++
// exceptions become Status values, and the HashAlg -> Crypto++ type mapping.
#pragma once

// MD5 and ARC4 live in CryptoPP::Weak, which exists only with this set before
// the headers are included (see the note in <cryptopp/md5.h>).
#define CRYPTOPP_ENABLE_NAMESPACE_WEAK 1

#include <cryptopp/cryptlib.h>
#include <cryptopp/md5.h>
#include <cryptopp/sha.h>

#include <cstdlib>
#include <new>
#include <type_traits>

#include "crypto/crypto.h"
#include "crypto/cryptopp_sha512t.h"

namespace kstore::crypto::cryptopp_detail {

// Runs `body` (returning Status or Result<T>) and turns anything Crypto++
// throws into a Status. Arguments are checked before Crypto++ sees them
// (check_cipher_params), so InvalidCiphertext can only mean bad padding, as
// in the OpenSSL backend; everything else is the library's failure.
// After randombit/botan src/lib/ffi/ffi_util.h (ffi_guard_thunk).
template <typename Body>
auto guarded(const char* what, Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const CryptoPP::InvalidCiphertext&) {
    return Status::IntegrityFailure("bad padding after decryption");
  } catch (const CryptoPP::Exception& e) {
    return Status::Backend("Crypto++ ", what, ": ", e.what());
  } catch (const std::bad_alloc&) {
    return Status::Backend("Crypto++ ", what, ": out of memory");
  }
}

// For the interface calls that cannot report a Status (new_hasher, hmac): with
// valid enum values Crypto++ throws there only when memory runs out, which the
// OpenSSL backend also treats as fatal.
template <typename Body>
auto or_abort(Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (...) {
    std::abort();
  }
}

// Calls visit.template operator()<H>() with H the Crypto++ class for `alg`.
template <typename Visitor>
decltype(auto) visit_hash(HashAlg alg, Visitor&& visit) {
  switch (alg) {
    case HashAlg::kMd5: return visit.template operator()<CryptoPP::Weak::MD5>();
    case HashAlg::kSha1: return visit.template operator()<CryptoPP::SHA1>();
    case HashAlg::kSha224: return visit.template operator()<CryptoPP::SHA224>();
    case HashAlg::kSha256: return visit.template operator()<CryptoPP::SHA256>();
    case HashAlg::kSha384: return visit.template operator()<CryptoPP::SHA384>();
    case HashAlg::kSha512: return visit.template operator()<CryptoPP::SHA512>();
    case HashAlg::kSha512_224: return visit.template operator()<Sha512_224>();
    case HashAlg::kSha512_256: return visit.template operator()<Sha512_256>();
  }
  std::abort();  // not a HashAlg value
}

// CBC with PKCS#5 padding, or RC4. `out` has room for in.size() plus one
// block; returns the bytes written. Parameters are already checked.
Result<size_t> run_cipher(CipherAlg alg, bool encrypt, ByteView key, ByteView iv, ByteView in,
                          MutableByteView out, unsigned rc2_effective_bits);

}  // namespace kstore::crypto::cryptopp_detail
