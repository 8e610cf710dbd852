// Fuzz target: the Java Object Serialization reader behind JCEKS secret keys
// (src/jks/java_serialization.h) and the two readers built on it: the
// SealedObjectForKeyProtector stored in the file, and the SecretKeySpec /
// KeyRep stream found inside it after decryption (which the keystore
// targets cannot reach, since mutated ciphertext does not decrypt).
// Checks: only kMalformed/kUnsupported/kLimitExceeded errors; every index and
// view a parsed stream hands out lies within its vectors and the input; what
// the writers produce from a parsed value reads back as the same value.
#include "fuzz_common.h"
#include "jks/java_serialization.h"
#include "jks/sealed_object.h"
#include "pbe/jce_pbe.h"

using namespace kstore;
namespace serial = kstore::jks::serial;

namespace {

void check_parse_error(const Status& status, const char* what) {
  if (status.ok()) return;
  switch (status.code()) {
    case ErrorCode::kMalformed:
    case ErrorCode::kTruncated:
    case ErrorCode::kUnsupported:
    case ErrorCode::kLimitExceeded:
      return;
    default:
      fuzz::fail(what, status);
  }
}

void check_value(const serial::ParsedStream& s, const serial::Value& v) {
  size_t bound = 1;
  switch (v.kind) {
    case serial::Value::Kind::kNull:
      return;
    case serial::Value::Kind::kString:
      bound = s.strings.size();
      break;
    case serial::Value::Kind::kByteArray:
      bound = s.arrays.size();
      break;
    case serial::Value::Kind::kObject:
      bound = s.objects.size();
      break;
    case serial::Value::Kind::kEnum:
      bound = s.enums.size();
      break;
  }
  if (v.index >= bound) fuzz::fail("serialization value index out of range");
}

void check_stream(ByteView in, const serial::ParsedStream& s, const Limits& limits) {
  if (s.size > in.size()) fuzz::fail("stream size beyond the input");
  check_value(s, s.root);
  for (const serial::ClassDesc& c : s.classes) {
    if (c.super >= static_cast<int>(s.classes.size())) fuzz::fail("superclass index out of range");
  }
  for (const serial::ByteArray& a : s.arrays) {
    if (a.class_desc >= s.classes.size()) fuzz::fail("array class index out of range");
    if (!fuzz::within(in, a.data)) fuzz::fail("byte array view outside the input");
  }
  for (const serial::Object& o : s.objects) {
    if (o.class_desc >= s.classes.size()) fuzz::fail("object class index out of range");
    for (const auto& [name, value] : o.fields) {
      check_value(s, value);
      if (s.field(o, name) == nullptr) fuzz::fail("field() does not find a listed field");
    }
  }
  for (const serial::EnumConstant& e : s.enums) {
    if (e.class_desc >= s.classes.size()) fuzz::fail("enum class index out of range");
  }
  if (s.objects.size() + s.strings.size() + s.arrays.size() + s.enums.size() + s.classes.size() >
      2 * static_cast<size_t>(limits.max_serialization_objects) + 8) {
    fuzz::fail("more objects than max_serialization_objects allows");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const ByteView in(data, size);
  const Limits limits = fuzz::fuzz_limits();

  Result<serial::ParsedStream> stream = serial::read_stream(in, limits);
  check_parse_error(stream.status(), "read_stream");
  if (stream.ok()) check_stream(in, *stream, limits);

  Result<jks::SealedObjectFields> sealed = jks::read_sealed_object(in, limits);
  check_parse_error(sealed.status(), "read_sealed_object");
  if (sealed.ok()) {
    if (sealed->stream_size > size) fuzz::fail("sealed object stream size beyond the input");
    if (sealed->encoded_params && !fuzz::within(in, *sealed->encoded_params)) fuzz::fail("encodedParams outside");
    if (sealed->encrypted_content && !fuzz::within(in, *sealed->encrypted_content))
      fuzz::fail("encryptedContent outside");
    if (sealed->encoded_params && sealed->encrypted_content &&
        sealed->seal_alg == pbe::kPbeWithMd5AndTripleDesName && sealed->params_alg == pbe::kPbeWithMd5AndTripleDesName) {
      Result<Bytes> rewritten = jks::write_sealed_object(*sealed->encoded_params, *sealed->encrypted_content);
      if (!rewritten.ok()) fuzz::fail("write_sealed_object of fields that were read", rewritten.status());
      Result<jks::SealedObjectFields> again = jks::read_sealed_object(*rewritten, limits);
      if (!again.ok()) fuzz::fail("written sealed object does not read back", again.status());
      if (!again->encoded_params || !equal_bytes(*again->encoded_params, *sealed->encoded_params) ||
          !again->encrypted_content || !equal_bytes(*again->encrypted_content, *sealed->encrypted_content) ||
          again->stream_size != rewritten->size()) {
        fuzz::fail("sealed object round trip changed its fields");
      }
    }
  }

  Result<SecretKeyMaterial> key = jks::read_secret_key_object(in, limits);
  check_parse_error(key.status(), "read_secret_key_object");
  if (key.ok()) {
    Result<SecretBytes> rewritten = jks::write_secret_key_object(*key);
    if (rewritten.ok()) {
      Result<SecretKeyMaterial> again = jks::read_secret_key_object(*rewritten, limits);
      if (!again.ok()) fuzz::fail("written secret key object does not read back", again.status());
      if (again->algorithm != key->algorithm || !equal_bytes(again->key, key->key))
        fuzz::fail("secret key object round trip changed the key");
    } else if (rewritten.status().code() == ErrorCode::kInternal) {
      fuzz::fail("write_secret_key_object", rewritten.status());
    }
  }
  return 0;
}
