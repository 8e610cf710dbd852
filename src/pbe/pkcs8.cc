// PKCS#8 structures. RFC 5208 §5-6, RFC 5958 §2-3.
#include "pbe/pkcs8.h"

#include "der/reader.h"

namespace kstore::pbe {

bool looks_like_private_key_info(ByteView der) {
  der::Reader outer(der, der::Mode::kBer);
  auto info = outer.read_sequence();
  if (!info.ok() || !outer.empty()) return false;
  return info->read_element(der::kInteger).ok() && info->read_element(der::kSequence).ok() &&
         info->read_element(der::kOctetString).ok();
}

Status check_private_key_info_to_seal(ByteView pkcs8) {
  if (!looks_like_private_key_info(pkcs8)) return Status::InvalidArgument("not a PKCS#8 PrivateKeyInfo");
  return Status::Ok();
}

Result<EncryptedPrivateKeyInfo> read_encrypted_private_key_info(ByteView der) {
  der::Reader outer(der, der::Mode::kBer, 0, "EncryptedPrivateKeyInfo");
  KS_ASSIGN_OR_RETURN(der::Reader info, outer.read_sequence());
  info.named("EncryptedPrivateKeyInfo");
  KS_TRY(outer.expect_end());
  KS_ASSIGN_OR_RETURN(der::Element ai, info.read_element(der::kSequence));
  der::Reader alg(ai.contents, info.mode(), 0, "AlgorithmIdentifier");
  EncryptedPrivateKeyInfo out;
  out.algorithm_identifier = to_bytes(ai.encoding);
  KS_ASSIGN_OR_RETURN(ByteView oid, alg.read_oid());
  out.algorithm_oid = to_bytes(oid);
  if (!alg.empty()) {
    KS_ASSIGN_OR_RETURN(der::Element params, alg.read_element());
    out.algorithm_parameters = to_bytes(params.encoding);
  }
  KS_TRY(alg.expect_end());
  Bytes storage;
  KS_ASSIGN_OR_RETURN(ByteView data, info.read_octet_string(&storage));
  out.encrypted_data = to_bytes(data);
  KS_TRY(info.expect_end());
  return out;
}

Result<Bytes> write_encrypted_private_key_info(const der::Writer::Body& write_algorithm, ByteView encrypted_data) {
  der::Writer out;
  out.sequence([&](der::Writer& info) {
    write_algorithm(info);
    info.octet_string(encrypted_data);
  });
  return std::move(out).finish();
}

Result<PbeEncryptedKey> read_pbe_encrypted_key(ByteView der) {
  KS_ASSIGN_OR_RETURN(EncryptedPrivateKeyInfo info, read_encrypted_private_key_info(der));
  KS_ASSIGN_OR_RETURN(PbeAlgorithm algorithm, parse_pbe_algorithm(info.algorithm_identifier));
  return PbeEncryptedKey{std::move(algorithm), std::move(info.encrypted_data)};
}

Result<Bytes> write_pbe_encrypted_key(const PbeAlgorithm& algorithm, ByteView encrypted_data) {
  return write_encrypted_private_key_info([&](der::Writer& out) { write_pbe_algorithm(out, algorithm); },
                                          encrypted_data);
}

}  // namespace kstore::pbe
