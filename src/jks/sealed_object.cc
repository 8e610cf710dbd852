// JCEKS sealed secret keys. com.sun.crypto.provider.JceKeyStore,
// KeyProtector.seal/unseal, SealedObjectForKeyProtector; java.security.KeyRep;
// docs/formats.md, "JCEKS: sealed secret keys".
#include "jks/sealed_object.h"

#include "crypto/crypto.h"
#include "jks/java_serialization.h"
#include "pbe/jce_pbe.h"

namespace kstore::jks {
namespace {

using serial::ClassSpec;
using serial::FieldSpec;
using serial::ParsedStream;
using serial::Value;

constexpr std::string_view kStringSig = "Ljava/lang/String;";
constexpr std::string_view kByteArraySig = "[B";
constexpr uint8_t kSerializableEnum = serial::kScSerializable | serial::kScEnum;

// serialVersionUIDs and field lists as JDK 17 and 25 write them (kstore's
// streams equal keytool's: docs/formats.md, "JCEKS: sealed secret keys").
constexpr FieldSpec kSealedObjectFields[] = {
    {'[', "encodedParams", kByteArraySig},
    {'[', "encryptedContent", kByteArraySig},
    {'L', "paramsAlg", kStringSig},
    {'L', "sealAlg", kStringSig},
};
const ClassSpec kSealedObject{"javax.crypto.SealedObject", 0x3e363da6c3b75470, serial::kScSerializable,
                              kSealedObjectFields, nullptr};
const ClassSpec kSealedObjectForKeyProtector{"com.sun.crypto.provider.SealedObjectForKeyProtector",
                                             0xcd57ca59e730bb53, serial::kScSerializable, {}, &kSealedObject};

constexpr FieldSpec kSecretKeySpecFields[] = {
    {'L', "algorithm", kStringSig},
    {'[', "key", kByteArraySig},
};
const ClassSpec kSecretKeySpec{"javax.crypto.spec.SecretKeySpec", 0x5b470b66e230614d, serial::kScSerializable,
                               kSecretKeySpecFields, nullptr};

const ClassSpec kEnum{"java.lang.Enum", 0, kSerializableEnum, {}, nullptr};
const ClassSpec kKeyRepType{"java.security.KeyRep$Type", 0, kSerializableEnum, {}, &kEnum};
constexpr FieldSpec kKeyRepFields[] = {
    {'L', "algorithm", kStringSig},
    {'[', "encoded", kByteArraySig},
    {'L', "format", kStringSig},
    {'L', "type", "Ljava/security/KeyRep$Type;"},
};
const ClassSpec kKeyRep{"java.security.KeyRep", 0xbdf94fb3889aa543, serial::kScSerializable, kKeyRepFields, nullptr};

constexpr uint8_t kStreamHeader[] = {0xac, 0xed, 0x00, 0x05};

Result<std::optional<ByteView>> byte_array_field(const ParsedStream& s, const serial::Object& o,
                                                 std::string_view name) {
  const Value* v = s.field(o, name);
  if (v == nullptr) return Status::Malformed("field ", name, " is missing");
  if (v->kind == Value::Kind::kNull) return std::optional<ByteView>();
  if (v->kind != Value::Kind::kByteArray) return Status::Malformed("field ", name, " is not a byte array");
  return std::optional<ByteView>(s.arrays[v->index].data);
}

Result<std::optional<std::string>> string_field(const ParsedStream& s, const serial::Object& o,
                                                std::string_view name) {
  const Value* v = s.field(o, name);
  if (v == nullptr) return Status::Malformed("field ", name, " is missing");
  if (v->kind == Value::Kind::kNull) return std::optional<std::string>();
  if (v->kind != Value::Kind::kString) return Status::Malformed("field ", name, " is not a string");
  return std::optional<std::string>(s.strings[v->index]);
}

Result<const serial::Object*> root_object(const ParsedStream& s) {
  if (s.root.kind != Value::Kind::kObject) return Status::Malformed("the stream does not hold an object");
  return &s.objects[s.root.index];
}

Result<SealedObjectFields> read_sealed_fields(ByteView bytes, const Limits& limits, bool to_end_of_file) {
  KS_ASSIGN_OR_RETURN(ParsedStream s, serial::read_stream(bytes, limits, to_end_of_file));
  KS_ASSIGN_OR_RETURN(const serial::Object* o, root_object(s));
  KS_TRY(serial::check_class(s, o->class_desc, kSealedObjectForKeyProtector));
  SealedObjectFields fields;
  KS_ASSIGN_OR_RETURN(fields.encoded_params, byte_array_field(s, *o, "encodedParams"));
  KS_ASSIGN_OR_RETURN(fields.encrypted_content, byte_array_field(s, *o, "encryptedContent"));
  KS_ASSIGN_OR_RETURN(fields.params_alg, string_field(s, *o, "paramsAlg"));
  KS_ASSIGN_OR_RETURN(fields.seal_alg, string_field(s, *o, "sealAlg"));
  fields.stream_size = s.size;
  return fields;
}

// `may_be_empty`: a KeyRep of no bytes, which the JDK writes for a password
// entry of the empty password (docs/secret-keys.md, "Password entries"); the
// JDK cannot read it back ("Empty key"), kstore can.
Result<SecretKeyMaterial> key_material(std::optional<std::string> algorithm, std::optional<ByteView> key,
                                       bool may_be_empty = false) {
  // SecretKeySpec's constructor refuses a null algorithm and an empty key.
  if (!algorithm || algorithm->empty()) return Status::Malformed("secret key without an algorithm");
  if (!key || (key->empty() && !may_be_empty)) return Status::Malformed("secret key without key bytes");
  return SecretKeyMaterial{std::move(*algorithm), SecretBytes(*key)};
}

Result<SecretKeyMaterial> read_key_rep(const ParsedStream& s, const serial::Object& o) {
  KS_TRY(serial::check_class(s, o.class_desc, kKeyRep));
  const Value* type = s.field(o, "type");
  if (type == nullptr || type->kind != Value::Kind::kEnum) return Status::Malformed("KeyRep without a type");
  const serial::EnumConstant& constant = s.enums[type->index];
  KS_TRY(serial::check_class(s, constant.class_desc, kKeyRepType));
  KS_ASSIGN_OR_RETURN(std::optional<std::string> format, string_field(s, o, "format"));
  // KeyRep.readResolve turns only SECRET/"RAW" into a SecretKeySpec; PUBLIC
  // and PRIVATE would make a public or private key, which no JDK seals here.
  if (constant.name != "SECRET" || format != "RAW")
    return Status::Unsupported("sealed KeyRep of type ", constant.name, " and format ", format.value_or("null"),
                               " (only SECRET/RAW holds a secret key)");
  KS_ASSIGN_OR_RETURN(std::optional<std::string> algorithm, string_field(s, o, "algorithm"));
  KS_ASSIGN_OR_RETURN(std::optional<ByteView> encoded, byte_array_field(s, o, "encoded"));
  return key_material(std::move(algorithm), encoded, /*may_be_empty=*/true);
}

Result<SecretKeyMaterial> read_secret_key_spec(const ParsedStream& s, const serial::Object& o) {
  KS_TRY(serial::check_class(s, o.class_desc, kSecretKeySpec));
  KS_ASSIGN_OR_RETURN(std::optional<std::string> algorithm, string_field(s, o, "algorithm"));
  KS_ASSIGN_OR_RETURN(std::optional<ByteView> key, byte_array_field(s, o, "key"));
  return key_material(std::move(algorithm), key);
}

// The SunJCE key classes whose writeReplace substitutes a KeyRep: DESKey,
// DESedeKey, PBEKey ("PBEWith…" and "PBE") and PBKDF2KeyImpl ("PBKDF2With…").
// KeyGenerators for AES, Hmac*, Blowfish, RC2, ARCFOUR… return SecretKeySpec.
bool jdk_writes_key_rep(std::string_view algorithm) {
  return algorithm == "DES" || algorithm == "DESede" || algorithm == "PBE" || algorithm.starts_with("PBEWith") ||
         algorithm.starts_with("PBKDF2With");
}

}  // namespace

Result<SealedObjectFields> read_sealed_object(ByteView bytes, const Limits& limits, bool to_end_of_file) {
  return read_sealed_fields(bytes, limits, to_end_of_file).with_context("Invalid secret key format");
}

Result<Bytes> write_sealed_object(ByteView encoded_params, ByteView encrypted_content) {
  serial::StreamWriter w;
  KS_TRY(w.begin_object(kSealedObjectForKeyProtector));
  KS_TRY(w.byte_array(encoded_params));
  KS_TRY(w.byte_array(encrypted_content));
  // Two separate strings, as SealedObject's constructor stores two String
  // instances (params.getAlgorithm() and c.getAlgorithm()).
  KS_TRY(w.new_string(pbe::kPbeWithMd5AndTripleDesName));
  KS_TRY(w.new_string(pbe::kPbeWithMd5AndTripleDesName));
  SecretBytes out = std::move(w).take();
  return to_bytes(out.view());
}

Result<SecretBytes> write_secret_key_object(const SecretKeyMaterial& key) {
  if (key.algorithm.empty()) return Status::InvalidArgument("secret key without an algorithm name");
  // A KeyRep may hold no bytes: the PBEKey of the empty password.
  if (key.key.empty() && !jdk_writes_key_rep(key.algorithm)) return Status::InvalidArgument("empty secret key");
  serial::StreamWriter w;
  if (jdk_writes_key_rep(key.algorithm)) {
    KS_TRY(w.begin_object(kKeyRep));
    KS_TRY(w.new_string(key.algorithm));
    KS_TRY(w.byte_array(key.key));
    KS_TRY(w.new_string("RAW"));
    KS_TRY(w.enum_constant(kKeyRepType, "SECRET"));
  } else {
    KS_TRY(w.begin_object(kSecretKeySpec));
    KS_TRY(w.new_string(key.algorithm));
    KS_TRY(w.byte_array(key.key));
  }
  return std::move(w).take();
}

Result<SecretKeyMaterial> read_secret_key_object(ByteView stream, const Limits& limits) {
  KS_ASSIGN_OR_RETURN(ParsedStream s, serial::read_stream(stream, limits));
  KS_ASSIGN_OR_RETURN(const serial::Object* o, root_object(s));
  const std::string& name = s.classes[o->class_desc].name;
  if (name == kSecretKeySpec.name) return read_secret_key_spec(s, *o);
  if (name == kKeyRep.name) return read_key_rep(s, *o);
  // The JDK's jceks.key.serialFilter admits only these two (and KeyRep's enum).
  return Status::Unsupported("Invalid secret key format: the sealed object holds a ", name,
                             "; only javax.crypto.spec.SecretKeySpec and java.security.KeyRep are accepted");
}

Result<SecretKeyMaterial> unseal_secret_key_object(const crypto::Backend& backend, ByteView stream,
                                                   const Password& password, const Limits& limits) {
  KS_ASSIGN_OR_RETURN(SealedObjectFields fields, read_sealed_object(stream, limits));
  for (const auto* alg : {&fields.seal_alg, &fields.params_alg}) {
    if (*alg != pbe::kPbeWithMd5AndTripleDesName)
      return Status::Unsupported("Invalid secret key format: sealed with ", alg->value_or("null"),
                                 "; JCEKS seals with PBEWithMD5AndTripleDES");
  }
  if (!fields.encoded_params) return Status::Malformed("Cannot get algorithm parameters of the sealed key");
  if (!fields.encrypted_content) return Status::Malformed("sealed key without encrypted content");
  KS_ASSIGN_OR_RETURN(pbe::JcePbeParams params, pbe::parse_jce_pbe_params(*fields.encoded_params, limits));
  KS_ASSIGN_OR_RETURN(SecretBytes plain,
                      pbe::jce_pbe_decrypt(backend, password, params, *fields.encrypted_content, limits));
  // A wrong password passes the padding check about once in 256 tries; the
  // plaintext then is noise rather than a serialization stream.
  if (plain.size() < sizeof kStreamHeader || !equal_bytes(plain.view().first(sizeof kStreamHeader), kStreamHeader))
    return Status::BadPassword("Cannot recover key");
  return read_secret_key_object(plain, limits);
}

Result<Bytes> seal_secret_key_object(const crypto::Backend& backend, const SecretKeyMaterial& key,
                                     const Password& password, uint64_t iterations) {
  KS_ASSIGN_OR_RETURN(SecretBytes inner, write_secret_key_object(key));
  KS_ASSIGN_OR_RETURN(pbe::JcePbeParams params, pbe::new_jce_pbe_params(backend, iterations));
  KS_ASSIGN_OR_RETURN(Bytes encrypted, pbe::jce_pbe_encrypt(backend, password, params, inner));
  return write_sealed_object(pbe::encode_jce_pbe_params(params), encrypted);
}

}  // namespace kstore::jks
