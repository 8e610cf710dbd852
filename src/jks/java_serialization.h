// A bounded reader and an exact writer for the small part of the Java Object
// Serialization Stream Protocol that JCEKS secret-key entries use.
// Java Object Serialization Specification §6.4 (grammar), §6.4.2 (terminal
// symbols and constants); java.io.ObjectInputStream / ObjectOutputStream;
// docs/formats.md, "JCEKS: the Java serialization subset".
//
// The reader accepts: TC_OBJECT, TC_CLASSDESC, TC_REFERENCE, TC_STRING,
// TC_LONGSTRING, TC_ARRAY (of byte only), TC_ENUM, TC_NULL and
// TC_ENDBLOCKDATA (as the empty class annotation), with primitive fields
// skipped. Classes with writeObject data, Externalizable classes, proxies,
// block data and resets are refused: the JDK never writes them for keys, and
// the JDK's own jceks.key.serialFilter would reject whatever needed them.
// Every handle costs one unit of Limits::max_serialization_objects; objects
// and class descriptors nest at most Limits::max_serialization_depth deep.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kstore/bytes.h"
#include "kstore/limits.h"
#include "kstore/status.h"

namespace kstore::jks::serial {

inline constexpr uint16_t kStreamMagic = 0xaced;
inline constexpr uint16_t kStreamVersion = 5;
inline constexpr uint32_t kBaseWireHandle = 0x7e0000;

inline constexpr uint8_t kTcNull = 0x70;
inline constexpr uint8_t kTcReference = 0x71;
inline constexpr uint8_t kTcClassDesc = 0x72;
inline constexpr uint8_t kTcObject = 0x73;
inline constexpr uint8_t kTcString = 0x74;
inline constexpr uint8_t kTcArray = 0x75;
inline constexpr uint8_t kTcEndBlockData = 0x78;
inline constexpr uint8_t kTcLongString = 0x7c;
inline constexpr uint8_t kTcEnum = 0x7e;

inline constexpr uint8_t kScWriteMethod = 0x01;
inline constexpr uint8_t kScSerializable = 0x02;
inline constexpr uint8_t kScExternalizable = 0x04;
inline constexpr uint8_t kScEnum = 0x10;

// A class as the stream describes it, and as a writer emits it. Fields are
// listed in stream order: the JDK sorts primitives first, then object fields,
// each group by name (ObjectStreamClass).
struct FieldSpec {
  char type_code;         // 'B' 'C' 'D' 'F' 'I' 'J' 'S' 'Z', or 'L' / '[' for objects
  std::string_view name;
  std::string_view signature;  // "Ljava/lang/String;", "[B"; empty for primitives
};
struct ClassSpec {
  std::string_view name;
  uint64_t serial_version_uid;
  uint8_t flags;
  std::span<const FieldSpec> fields;
  const ClassSpec* super;  // nullptr: no serializable superclass (TC_NULL)
};

// ---------------------------------------------------------------- reading

struct FieldDesc {
  char type_code = 0;
  std::string name;
  std::string signature;
};

struct ClassDesc {
  std::string name;
  uint64_t serial_version_uid = 0;
  uint8_t flags = 0;
  std::vector<FieldDesc> fields;
  int super = -1;  // index into ParsedStream::classes, -1 for none
};

struct Value {
  enum class Kind : uint8_t { kNull, kString, kByteArray, kObject, kEnum };
  Kind kind = Kind::kNull;
  size_t index = 0;  // into the ParsedStream vector of that kind
};

struct ByteArray {
  size_t class_desc = 0;
  ByteView data;  // borrowed from the parsed input
};

struct Object {
  size_t class_desc = 0;
  // Values of every serializable field, superclass fields first, in stream
  // order; primitive fields are skipped and not listed.
  std::vector<std::pair<std::string, Value>> fields;
};

struct EnumConstant {
  size_t class_desc = 0;
  std::string name;
};

struct ParsedStream {
  Value root;
  size_t size = 0;  // bytes the stream occupied, from its magic to the end of the root object
  std::vector<ClassDesc> classes;
  std::vector<std::string> strings;
  std::vector<ByteArray> arrays;
  std::vector<Object> objects;
  std::vector<EnumConstant> enums;

  // The value of `name` in `object`, or nullptr.
  const Value* field(const Object& object, std::string_view name) const;
};

// Reads the stream header and exactly one top-level content element
// (TC_OBJECT, TC_STRING, TC_ARRAY, TC_ENUM or TC_NULL). Bytes after it are not
// read; ParsedStream::size says where the stream ended. The parsed stream
// borrows from `bytes` (byte-array contents), which must outlive it.
// `to_end_of_file`: `bytes` run to the end of a file (a JCEKS secret key is
// read from the store's stream, not from a length-prefixed array), so
// running out of bytes means the file ends early (kTruncated).
Result<ParsedStream> read_stream(ByteView bytes, const Limits& limits, bool to_end_of_file = false);

// Whether the class chain starting at `desc` is exactly `spec` and its
// superclasses: same names, serialVersionUIDs, flags and fields. The message
// names the first difference.
Status check_class(const ParsedStream& stream, size_t desc, const ClassSpec& spec);

// ---------------------------------------------------------------- writing

// Emits the bytes ObjectOutputStream would for the calls made, numbering
// handles as it does. The output is held in SecretBytes because the streams
// kstore writes carry raw keys.
class StreamWriter {
 public:
  StreamWriter();  // writes the stream header

  // TC_OBJECT and its class descriptor; the caller then writes the field
  // values in the order of ClassSpec fields, superclass first.
  Status begin_object(const ClassSpec& spec);
  // TC_STRING as a new object. ObjectOutputStream shares a handle only for
  // the same String instance, and the JDK's key classes hand it distinct
  // instances, so value strings are never written as references.
  Status new_string(std::string_view utf8);
  // TC_ARRAY of byte, with the "[B" class descriptor written once and
  // referenced after.
  Status byte_array(ByteView data);
  // TC_ENUM with its class descriptor, and the constant's name as a new string.
  Status enum_constant(const ClassSpec& spec, std::string_view constant);

  SecretBytes take() && { return std::move(out_); }

 private:
  Status class_desc(const ClassSpec& spec);
  Status type_string(std::string_view signature);
  Status utf(std::string_view utf8);
  void u8(uint8_t v);
  void u16(uint16_t v);
  void u32(uint32_t v);
  void u64(uint64_t v);
  uint32_t new_handle() { return next_handle_++; }
  void reference(uint32_t handle);

  SecretBytes out_;
  uint32_t next_handle_ = kBaseWireHandle;
  // Field signatures are interned strings in the JDK, and class descriptors
  // are written once per stream: both are looked up by content here.
  std::vector<std::pair<std::string, uint32_t>> type_strings_;
  std::vector<std::pair<const ClassSpec*, uint32_t>> class_descs_;
};

// The class descriptor of byte[]: java.io.ObjectStreamClass.lookup(byte[].class).
extern const ClassSpec kByteArrayClass;

}  // namespace kstore::jks::serial
