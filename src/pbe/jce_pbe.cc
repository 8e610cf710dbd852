// PBEWithMD5AndTripleDES. com.sun.crypto.provider.PBES1Core.deriveCipherKey
// (DESede branch) and PBEWithMD5AndTripleDESCipher; docs/formats.md,
// "JCEKS: PBEWithMD5AndTripleDES".
#include "pbe/jce_pbe.h"

#include <algorithm>

#include "der/reader.h"
#include "der/writer.h"
#include "pbe/iterations.h"

namespace kstore::pbe {
namespace {

constexpr size_t kMd5Size = 16;
constexpr size_t kDesEde3KeySize = 24;
constexpr size_t kDesIvSize = 8;
constexpr size_t kHalf = kJcePbeSaltSize / 2;

bool halves_equal(ByteView salt) { return std::equal(salt.begin(), salt.begin() + kHalf, salt.begin() + kHalf); }

// The bytes PBEKey would hand to the cipher when decrypting (see jce_pbe.h).
Result<SecretBytes> password_bytes_for_reading(const Password& password) {
  Result<SecretBytes> ascii = password.encode(PasswordEncoding::kAscii);
  if (ascii.ok()) return ascii;
  return password.encode(PasswordEncoding::kUtf8);
}

Status check_params(const JcePbeParams& params, const Limits& limits) {
  if (params.salt.size() != kJcePbeSaltSize)
    return Status::Malformed("PBEWithMD5AndTripleDES salt of ", params.salt.size(), " bytes (must be 8)");
  return check_iterations(params.iterations, limits, kPbeWithMd5AndTripleDesName);
}

}  // namespace

Result<JcePbeParams> parse_jce_pbe_params(ByteView der, const Limits& limits) {
  der::Reader outer(der, der::Mode::kDer, 0, "PBEParameter");
  KS_ASSIGN_OR_RETURN(der::Reader seq, outer.read_sequence());
  seq.named("PBEParameter");
  KS_TRY(outer.expect_end());
  KS_ASSIGN_OR_RETURN(ByteView salt, seq.read_octet_string());
  KS_ASSIGN_OR_RETURN(uint64_t iterations, seq.read_uint64());
  KS_TRY(seq.expect_end());
  JcePbeParams params{to_bytes(salt), iterations};
  KS_TRY(check_params(params, limits));
  return params;
}

Bytes encode_jce_pbe_params(const JcePbeParams& params) {
  der::Writer out;
  out.sequence([&](der::Writer& seq) {
    seq.octet_string(params.salt);
    seq.uint64(params.iterations);
  });
  Result<Bytes> encoded = std::move(out).finish();
  return encoded.ok() ? std::move(encoded).value() : Bytes();
}

Result<JcePbeParams> new_jce_pbe_params(const crypto::Backend& backend, uint64_t iterations) {
  JcePbeParams params;
  params.iterations = iterations;
  params.salt.resize(kJcePbeSaltSize);
  do {
    KS_TRY(backend.random(params.salt));
  } while (halves_equal(params.salt));
  return params;
}

Result<SecretBytes> jce_pbe_derive(const crypto::Backend& backend, ByteView password_bytes, ByteView salt,
                                   uint64_t iterations) {
  if (salt.size() != kJcePbeSaltSize) return Status::InvalidArgument("PBEWithMD5AndTripleDES salt must be 8 bytes");
  if (iterations == 0) return Status::InvalidArgument("PBEWithMD5AndTripleDES iteration count 0");
  // PBES1Core's quirk: with equal halves, the first half is reversed so the
  // two MD5 chains differ (unless that half reads the same both ways).
  Bytes s = to_bytes(salt);
  if (halves_equal(s)) std::reverse(s.begin(), s.begin() + kHalf);

  std::unique_ptr<crypto::Hasher> md5 = backend.new_hasher(crypto::HashAlg::kMd5);
  SecretBytes derived(2 * kMd5Size);
  SecretBytes t(kMd5Size);
  for (size_t half = 0; half < 2; ++half) {
    md5->update(ByteView(s).subspan(half * kHalf, kHalf));
    md5->update(password_bytes);
    md5->finish(t.mutable_view());
    // With a password of up to 39 bytes, T || P is one MD5 block.
    if (!backend.iterate_digest(crypto::HashAlg::kMd5, t.mutable_view(), password_bytes, iterations - 1)) {
      for (uint64_t i = 1; i < iterations; ++i) {
        md5->update(t);
        md5->update(password_bytes);
        md5->finish(t.mutable_view());
      }
    }
    std::copy_n(t.data(), kMd5Size, derived.data() + half * kMd5Size);
  }
  return derived;
}

Result<SecretBytes> jce_pbe_decrypt(const crypto::Backend& backend, const Password& password,
                                    const JcePbeParams& params, ByteView ciphertext, const Limits& limits) {
  KS_TRY(check_params(params, limits));
  if (ciphertext.empty() || ciphertext.size() % kDesIvSize != 0)
    return Status::Malformed("PBEWithMD5AndTripleDES ciphertext of ", ciphertext.size(),
                             " bytes is not a positive multiple of the 8-byte block");
  KS_ASSIGN_OR_RETURN(SecretBytes pw, password_bytes_for_reading(password));
  KS_ASSIGN_OR_RETURN(SecretBytes derived, jce_pbe_derive(backend, pw, params.salt, params.iterations));
  const ByteView key = derived.view().first(kDesEde3KeySize);
  const ByteView iv = derived.view().subspan(kDesEde3KeySize, kDesIvSize);
  Result<SecretBytes> plain = backend.decrypt(crypto::CipherAlg::kDesEde3Cbc, key, iv, ciphertext);
  if (!plain.ok() && plain.status().code() == ErrorCode::kIntegrityFailure)
    return Status::BadPassword("Cannot recover key");
  return plain;
}

Result<Bytes> jce_pbe_encrypt(const crypto::Backend& backend, const Password& password, const JcePbeParams& params,
                              ByteView plaintext) {
  // Parameters chosen by the caller, so a bad one is the caller's mistake;
  // above the JDK's cap no JDK would read the result.
  if (Status s = check_params(params, Limits{}); !s.ok()) return Status::InvalidArgument(s.message());
  KS_ASSIGN_OR_RETURN(SecretBytes pw, password.encode(PasswordEncoding::kAscii));
  KS_ASSIGN_OR_RETURN(SecretBytes derived, jce_pbe_derive(backend, pw, params.salt, params.iterations));
  const ByteView key = derived.view().first(kDesEde3KeySize);
  const ByteView iv = derived.view().subspan(kDesEde3KeySize, kDesIvSize);
  return backend.encrypt(crypto::CipherAlg::kDesEde3Cbc, key, iv, plaintext);
}

}  // namespace kstore::pbe
