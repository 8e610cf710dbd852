// Java Object Serialization Stream Protocol, the subset JCEKS uses.
// Java Object Serialization Specification §6.4; java.io.ObjectInputStream.
#include "jks/java_serialization.h"

#include "base/utf.h"
#include "io/byte_reader.h"

namespace kstore::jks::serial {
namespace {

// What a wire handle (0x7E0000 + n) was assigned to.
struct Handle {
  enum class Kind : uint8_t { kClass, kString, kByteArray, kObject, kEnum };
  Kind kind;
  size_t index;
};

bool is_object_type(char code) { return code == 'L' || code == '['; }

// Size of a primitive field's value; 0 for a code that is not a primitive type.
size_t primitive_size(char code) {
  switch (code) {
    case 'B': case 'Z': return 1;
    case 'C': case 'S': return 2;
    case 'I': case 'F': return 4;
    case 'J': case 'D': return 8;
    default: return 0;
  }
}

const char* handle_kind_name(Handle::Kind kind) {
  switch (kind) {
    case Handle::Kind::kClass: return "class descriptor";
    case Handle::Kind::kString: return "string";
    case Handle::Kind::kByteArray: return "array";
    case Handle::Kind::kObject: return "object";
    case Handle::Kind::kEnum: return "enum constant";
  }
  return "?";
}

constexpr const char* kWhat = "Java serialization stream";

class Parser {
 public:
  Parser(ByteView bytes, const Limits& limits, bool to_end_of_file)
      : in_(to_end_of_file ? io::ByteReader::whole_file(bytes, kWhat) : io::ByteReader(bytes, kWhat)),
        limits_(limits) {}

  Result<ParsedStream> run() && {
    KS_ASSIGN_OR_RETURN(uint16_t magic, in_.read_u16());
    KS_ASSIGN_OR_RETURN(uint16_t version, in_.read_u16());
    if (magic != kStreamMagic || version != kStreamVersion)
      return Status::Malformed("not a Java serialization stream (header ", to_hex(in_.consumed()),
                               ", expected aced0005)");
    KS_ASSIGN_OR_RETURN(out_.root, read_content(1));
    out_.size = in_.position();
    return std::move(out_);
  }

 private:
  Status enter(int depth) const {
    if (depth > limits_.max_serialization_depth)
      return Status::LimitExceeded("Java serialization stream nests deeper than ", limits_.max_serialization_depth);
    return Status::Ok();
  }

  Status add_handle(Handle::Kind kind, size_t index) {
    if (handles_.size() >= limits_.max_serialization_objects)
      return Status::LimitExceeded("Java serialization stream has more than ", limits_.max_serialization_objects,
                                   " objects");
    handles_.push_back(Handle{kind, index});
    return Status::Ok();
  }

  Result<Handle> read_reference() {
    KS_ASSIGN_OR_RETURN(uint32_t wire, in_.read_u32());
    if (wire < kBaseWireHandle || wire - kBaseWireHandle >= handles_.size())
      return in_.malformed("reference to handle 0x", std::hex, wire, " that was never assigned");
    return handles_[wire - kBaseWireHandle];
  }

  // TC_STRING / TC_LONGSTRING, after the type code.
  Result<size_t> read_new_string(uint8_t tc) {
    uint64_t len = 0;
    if (tc == kTcString) {
      KS_ASSIGN_OR_RETURN(uint16_t n, in_.read_u16());
      len = n;
    } else {
      KS_ASSIGN_OR_RETURN(int64_t n, in_.read_s64());
      if (n < 0) return in_.malformed("negative long string length");
      len = static_cast<uint64_t>(n);
    }
    if (len > in_.remaining()) return in_.shortfall(len, "string of ", len, " bytes exceeds the ", in_.remaining(), " left");
    KS_ASSIGN_OR_RETURN(ByteView raw, in_.read_bytes(static_cast<size_t>(len)));
    Result<std::string> text = utf::modified_utf8_to_utf8(raw);
    if (!text.ok()) return in_.malformed("bad modified UTF-8 in a string: ", text.status().message());
    out_.strings.push_back(std::move(text).value());
    KS_TRY(add_handle(Handle::Kind::kString, out_.strings.size() - 1));
    return out_.strings.size() - 1;
  }

  // A String object where the grammar allows only strings (field signatures,
  // enum constant names): new, or a reference to an earlier one.
  Result<std::string> read_string_object() {
    KS_ASSIGN_OR_RETURN(uint8_t tc, in_.read_u8());
    if (tc == kTcString || tc == kTcLongString) {
      KS_ASSIGN_OR_RETURN(size_t index, read_new_string(tc));
      return out_.strings[index];
    }
    if (tc == kTcReference) {
      KS_ASSIGN_OR_RETURN(Handle h, read_reference());
      if (h.kind != Handle::Kind::kString)
        return in_.malformed("reference to a ", handle_kind_name(h.kind), " where a string belongs");
      return out_.strings[h.index];
    }
    return in_.malformed("type code 0x", std::hex, int{tc}, " where a string belongs");
  }

  // classDesc: a new descriptor, a reference to one, or TC_NULL (-1).
  Result<int> read_class_desc(int depth) {
    KS_TRY(enter(depth));
    KS_ASSIGN_OR_RETURN(uint8_t tc, in_.read_u8());
    switch (tc) {
      case kTcNull:
        return -1;
      case kTcReference: {
        KS_ASSIGN_OR_RETURN(Handle h, read_reference());
        if (h.kind != Handle::Kind::kClass)
          return in_.malformed("reference to a ", handle_kind_name(h.kind), " where a class descriptor belongs");
        return static_cast<int>(h.index);
      }
      case kTcClassDesc:
        return read_new_class_desc(depth);
      case 0x7d:
        return Status::Unsupported("Java serialization: proxy class descriptors (TC_PROXYCLASSDESC) are not supported");
      default:
        return in_.malformed("type code 0x", std::hex, int{tc}, " where a class descriptor belongs");
    }
  }

  // newClassDesc after TC_CLASSDESC: className serialVersionUID newHandle classDescInfo.
  Result<int> read_new_class_desc(int depth) {
    ClassDesc desc;
    KS_ASSIGN_OR_RETURN(desc.name, in_.read_java_utf());
    KS_ASSIGN_OR_RETURN(int64_t suid, in_.read_s64());
    desc.serial_version_uid = static_cast<uint64_t>(suid);
    const size_t index = out_.classes.size();
    out_.classes.push_back(ClassDesc{});
    KS_TRY(add_handle(Handle::Kind::kClass, index));

    KS_ASSIGN_OR_RETURN(desc.flags, in_.read_u8());
    if (desc.flags & (kScWriteMethod | kScExternalizable))
      return Status::Unsupported("Java serialization: class ", desc.name,
                                 " writes custom data (flags 0x", std::hex, int{desc.flags},
                                 "); only default field serialization is supported");
    if (!(desc.flags & kScSerializable)) return in_.malformed("class ", desc.name, " is not marked serializable");

    KS_ASSIGN_OR_RETURN(uint16_t field_count, in_.read_u16());
    // Each field takes at least a type code and a two-byte name length.
    if (field_count > in_.remaining() / 3) return in_.shortfall(uint64_t{field_count} * 3, "field count ", field_count, " of class ", desc.name);
    desc.fields.reserve(field_count);
    for (uint16_t i = 0; i < field_count; ++i) {
      FieldDesc field;
      KS_ASSIGN_OR_RETURN(uint8_t code, in_.read_u8());
      field.type_code = static_cast<char>(code);
      KS_ASSIGN_OR_RETURN(field.name, in_.read_java_utf());
      if (is_object_type(field.type_code)) {
        KS_ASSIGN_OR_RETURN(field.signature, read_string_object());
      } else if (primitive_size(field.type_code) == 0) {
        return in_.malformed("field ", field.name, " of class ", desc.name, " has type code 0x", std::hex, int{code});
      }
      desc.fields.push_back(std::move(field));
    }
    // classAnnotation: ObjectOutputStream.annotateClass writes nothing.
    KS_ASSIGN_OR_RETURN(uint8_t end, in_.read_u8());
    if (end != kTcEndBlockData)
      return Status::Unsupported("Java serialization: class ", desc.name, " carries an annotation");
    KS_ASSIGN_OR_RETURN(desc.super, read_class_desc(depth + 1));
    out_.classes[index] = std::move(desc);
    return static_cast<int>(index);
  }

  Result<size_t> require_class(int desc, const char* what) {
    if (desc < 0) return in_.malformed(what, " without a class descriptor");
    return static_cast<size_t>(desc);
  }

  Result<Value> read_array(int depth) {
    KS_ASSIGN_OR_RETURN(int desc, read_class_desc(depth + 1));
    KS_ASSIGN_OR_RETURN(size_t cls, require_class(desc, "array"));
    if (out_.classes[cls].name != "[B")
      return Status::Unsupported("Java serialization: arrays of type ", out_.classes[cls].name, " are not supported");
    const size_t index = out_.arrays.size();
    out_.arrays.push_back(ByteArray{cls, {}});
    KS_TRY(add_handle(Handle::Kind::kByteArray, index));
    KS_ASSIGN_OR_RETURN(uint32_t len, in_.read_u32());
    if (len > 0x7fffffff) return in_.malformed("negative array length");
    if (len > in_.remaining()) return in_.shortfall(len, "byte array of ", len, " bytes exceeds the ", in_.remaining(), " left");
    KS_ASSIGN_OR_RETURN(out_.arrays[index].data, in_.read_bytes(len));
    return Value{Value::Kind::kByteArray, index};
  }

  Result<Value> read_enum(int depth) {
    KS_ASSIGN_OR_RETURN(int desc, read_class_desc(depth + 1));
    KS_ASSIGN_OR_RETURN(size_t cls, require_class(desc, "enum constant"));
    const size_t index = out_.enums.size();
    out_.enums.push_back(EnumConstant{cls, {}});
    KS_TRY(add_handle(Handle::Kind::kEnum, index));
    KS_ASSIGN_OR_RETURN(std::string name, read_string_object());
    out_.enums[index].name = std::move(name);
    return Value{Value::Kind::kEnum, index};
  }

  Result<Value> read_object(int depth) {
    KS_ASSIGN_OR_RETURN(int desc, read_class_desc(depth + 1));
    KS_ASSIGN_OR_RETURN(size_t cls, require_class(desc, "object"));
    // The class chain, superclass first. A chain longer than the number of
    // descriptors can only be a cycle made with references.
    std::vector<size_t> chain;
    for (int c = static_cast<int>(cls); c >= 0; c = out_.classes[c].super) {
      if (chain.size() >= out_.classes.size()) return in_.malformed("class descriptor chain is cyclic");
      chain.insert(chain.begin(), static_cast<size_t>(c));
    }
    const size_t index = out_.objects.size();
    out_.objects.push_back(Object{cls, {}});
    KS_TRY(add_handle(Handle::Kind::kObject, index));
    for (size_t c : chain) {
      // Copied: reading field values may grow out_.classes.
      const std::vector<FieldDesc> fields = out_.classes[c].fields;
      for (const FieldDesc& field : fields) {
        if (!is_object_type(field.type_code)) {
          KS_TRY(in_.read_bytes(primitive_size(field.type_code)).status());
          continue;
        }
        KS_ASSIGN_OR_RETURN(Value v, read_content(depth + 1));
        out_.objects[index].fields.emplace_back(field.name, v);
      }
    }
    return Value{Value::Kind::kObject, index};
  }

  Result<Value> read_content(int depth) {
    KS_TRY(enter(depth));
    KS_ASSIGN_OR_RETURN(uint8_t tc, in_.read_u8());
    switch (tc) {
      case kTcNull:
        return Value{};
      case kTcReference: {
        KS_ASSIGN_OR_RETURN(Handle h, read_reference());
        switch (h.kind) {
          case Handle::Kind::kString: return Value{Value::Kind::kString, h.index};
          case Handle::Kind::kByteArray: return Value{Value::Kind::kByteArray, h.index};
          case Handle::Kind::kObject: return Value{Value::Kind::kObject, h.index};
          case Handle::Kind::kEnum: return Value{Value::Kind::kEnum, h.index};
          case Handle::Kind::kClass: break;
        }
        return in_.malformed("reference to a class descriptor where a value belongs");
      }
      case kTcString:
      case kTcLongString: {
        KS_ASSIGN_OR_RETURN(size_t index, read_new_string(tc));
        return Value{Value::Kind::kString, index};
      }
      case kTcArray:
        return read_array(depth);
      case kTcObject:
        return read_object(depth);
      case kTcEnum:
        return read_enum(depth);
      case 0x76: case 0x77: case 0x79: case 0x7a: case 0x7b: case 0x7d:
        // TC_CLASS, TC_BLOCKDATA, TC_RESET, TC_BLOCKDATALONG, TC_EXCEPTION, TC_PROXYCLASSDESC.
        return Status::Unsupported("Java serialization: type code 0x", std::hex, int{tc},
                                   " is not used by JCEKS and not supported");
      default:
        return in_.malformed("unknown type code 0x", std::hex, int{tc});
    }
  }

  io::ByteReader in_;
  const Limits& limits_;
  ParsedStream out_;
  std::vector<Handle> handles_;
};

}  // namespace

const ClassSpec kByteArrayClass{"[B", 0xacf317f8060854e0, kScSerializable, {}, nullptr};

const Value* ParsedStream::field(const Object& object, std::string_view name) const {
  for (const auto& [field_name, value] : object.fields)
    if (field_name == name) return &value;
  return nullptr;
}

Result<ParsedStream> read_stream(ByteView bytes, const Limits& limits, bool to_end_of_file) {
  return Parser(bytes, limits, to_end_of_file).run();
}

Status check_class(const ParsedStream& stream, size_t desc, const ClassSpec& spec) {
  const ClassSpec* want = &spec;
  int have = static_cast<int>(desc);
  for (; want != nullptr; want = want->super) {
    if (have < 0) return Status::Malformed("class ", want->name, " is missing from the stream");
    const ClassDesc& c = stream.classes[static_cast<size_t>(have)];
    if (c.name != want->name) return Status::Malformed("unexpected class ", c.name, " (expected ", want->name, ")");
    if (c.serial_version_uid != want->serial_version_uid)
      return Status::Malformed("class ", c.name, " has serialVersionUID ", static_cast<int64_t>(c.serial_version_uid),
                               " (expected ", static_cast<int64_t>(want->serial_version_uid), ")");
    if (c.flags != want->flags)
      return Status::Malformed("class ", c.name, " has flags 0x", std::hex, int{c.flags}, " (expected 0x",
                               int{want->flags}, ")");
    if (c.fields.size() != want->fields.size())
      return Status::Malformed("class ", c.name, " declares ", c.fields.size(), " fields (expected ",
                               want->fields.size(), ")");
    for (size_t i = 0; i < c.fields.size(); ++i) {
      const FieldDesc& f = c.fields[i];
      const FieldSpec& w = want->fields[i];
      if (f.type_code != w.type_code || f.name != w.name || f.signature != w.signature)
        return Status::Malformed("class ", c.name, " field ", i, " is ", f.name, " ", f.signature,
                                 " (expected ", w.name, " ", w.signature, ")");
    }
    have = c.super;
  }
  if (have >= 0) return Status::Malformed("unexpected superclass ", stream.classes[static_cast<size_t>(have)].name,
                                          " of ", spec.name);
  return Status::Ok();
}

// ---------------------------------------------------------------- writing

StreamWriter::StreamWriter() {
  u16(kStreamMagic);
  u16(kStreamVersion);
}

void StreamWriter::u8(uint8_t v) { out_.push_back(v); }
void StreamWriter::u16(uint16_t v) {
  const uint8_t b[2] = {static_cast<uint8_t>(v >> 8), static_cast<uint8_t>(v)};
  out_.append(b);
}
void StreamWriter::u32(uint32_t v) {
  const uint8_t b[4] = {static_cast<uint8_t>(v >> 24), static_cast<uint8_t>(v >> 16), static_cast<uint8_t>(v >> 8),
                        static_cast<uint8_t>(v)};
  out_.append(b);
}
void StreamWriter::u64(uint64_t v) {
  u32(static_cast<uint32_t>(v >> 32));
  u32(static_cast<uint32_t>(v));
}

Status StreamWriter::utf(std::string_view utf8) {
  KS_ASSIGN_OR_RETURN(std::string encoded, utf::utf8_to_modified_utf8(utf8));
  if (encoded.size() > 0xffff)
    return Status::InvalidArgument("string of ", encoded.size(), " bytes is too long for writeUTF");
  u16(static_cast<uint16_t>(encoded.size()));
  out_.append(as_bytes(encoded));
  return Status::Ok();
}

void StreamWriter::reference(uint32_t handle) {
  u8(kTcReference);
  u32(handle);
}

Status StreamWriter::type_string(std::string_view signature) {
  for (const auto& [s, handle] : type_strings_) {
    if (s == signature) {
      reference(handle);
      return Status::Ok();
    }
  }
  type_strings_.emplace_back(std::string(signature), new_handle());
  u8(kTcString);
  return utf(signature);
}

Status StreamWriter::class_desc(const ClassSpec& spec) {
  for (const auto& [known, handle] : class_descs_) {
    if (known == &spec) {
      reference(handle);
      return Status::Ok();
    }
  }
  u8(kTcClassDesc);
  KS_TRY(utf(spec.name));
  u64(spec.serial_version_uid);
  class_descs_.emplace_back(&spec, new_handle());
  u8(spec.flags);
  u16(static_cast<uint16_t>(spec.fields.size()));
  for (const FieldSpec& field : spec.fields) {
    u8(static_cast<uint8_t>(field.type_code));
    KS_TRY(utf(field.name));
    if (is_object_type(field.type_code)) KS_TRY(type_string(field.signature));
  }
  u8(kTcEndBlockData);
  if (spec.super == nullptr) {
    u8(kTcNull);
    return Status::Ok();
  }
  return class_desc(*spec.super);
}

Status StreamWriter::begin_object(const ClassSpec& spec) {
  u8(kTcObject);
  KS_TRY(class_desc(spec));
  new_handle();
  return Status::Ok();
}

Status StreamWriter::new_string(std::string_view utf8) {
  u8(kTcString);
  new_handle();
  return utf(utf8);
}

Status StreamWriter::byte_array(ByteView data) {
  if (data.size() > 0x7fffffff) return Status::InvalidArgument("byte array too long for Java");
  u8(kTcArray);
  KS_TRY(class_desc(kByteArrayClass));
  new_handle();
  u32(static_cast<uint32_t>(data.size()));
  out_.append(data);
  return Status::Ok();
}

Status StreamWriter::enum_constant(const ClassSpec& spec, std::string_view constant) {
  u8(kTcEnum);
  KS_TRY(class_desc(spec));
  new_handle();
  return new_string(constant);
}

}  // namespace kstore::jks::serial
