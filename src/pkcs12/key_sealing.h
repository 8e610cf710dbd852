// Sealing and unsealing PKCS#12 keys: a PKCS#8 EncryptedPrivateKeyInfo with a
// password-based algorithm (pbe/pkcs8.h), as shrouded key bags and the JDK's
// secret bags hold it.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "crypto/crypto.h"
#include "kstore/keystore.h"
#include "kstore/sealing.h"
#include "pbe/algorithm_identifier.h"
#include "pbe/pbe.h"

namespace kstore::pkcs12 {

// Sealing in two steps, so that a batch can draw every salt and IV in order
// first and run the key derivations in parallel after (batch_sealing.cc).
// The plaintext is a PrivateKeyInfo or the JDK's secret key encoding.
Result<pbe::PbeAlgorithm> new_key_seal_algorithm(const crypto::Backend& backend, const SealParams& params);
Result<SealedKey> seal_with_algorithm(const crypto::Backend& backend, const pbe::PbeAlgorithm& alg, ByteView plaintext,
                                      const Password& password);
// The same for several plaintexts, their key derivations run together
// (pbe::encrypt_many_with_passwords). One result per job, in order.
std::vector<Result<SealedKey>> seal_many_with_algorithms(const crypto::Backend& backend,
                                                         std::span<const pbe::EncryptionJob> jobs);

// Decrypts with every plausible password encoding. A key that no encoding
// opens is kBadPassword ("Cannot recover key").
Result<SecretBytes> open_sealed(const crypto::Backend& backend, ByteView epki, const Password& password,
                                const Limits& limits);

}  // namespace kstore::pkcs12
