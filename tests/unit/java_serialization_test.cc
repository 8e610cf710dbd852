// The bounded Java serialization codec used for JCEKS secret keys
// (Java Object Serialization Specification §6.4).
#include "jks/java_serialization.h"
#include "support/truncation.h"

#include <gtest/gtest.h>

namespace kstore::jks::serial {
namespace {

// Builds stream bytes by hand, in the grammar's terms.
class Stream {
 public:
  Stream() { u16(0xaced).u16(5); }
  Stream& u8(uint8_t v) { b_.push_back(v); return *this; }
  Stream& u16(uint16_t v) { return u8(v >> 8).u8(v & 0xff); }
  Stream& u32(uint32_t v) { return u16(v >> 16).u16(v & 0xffff); }
  Stream& u64(uint64_t v) { return u32(static_cast<uint32_t>(v >> 32)).u32(static_cast<uint32_t>(v)); }
  Stream& utf(std::string_view s) {
    u16(static_cast<uint16_t>(s.size()));
    b_.insert(b_.end(), s.begin(), s.end());
    return *this;
  }
  Stream& string(std::string_view s) { return u8(kTcString).utf(s); }
  Stream& ref(uint32_t n) { return u8(kTcReference).u32(kBaseWireHandle + n); }
  // TC_CLASSDESC name suid flags, then the fields as given (already encoded), annotation end.
  Stream& class_desc(std::string_view name, uint64_t suid, uint8_t flags, uint16_t nfields) {
    return u8(kTcClassDesc).utf(name).u64(suid).u8(flags).u16(nfields);
  }
  const Bytes& bytes() const { return b_; }

 private:
  Bytes b_;
};

constexpr FieldSpec kHolderFields[] = {{'L', "name", "Ljava/lang/String;"}, {'[', "data", "[B"}};
const ClassSpec kHolder{"test.Holder", 0x0102030405060708, kScSerializable, kHolderFields, nullptr};
const ClassSpec kColourBase{"java.lang.Enum", 0, kScSerializable | kScEnum, {}, nullptr};
const ClassSpec kColour{"test.Colour", 0, kScSerializable | kScEnum, {}, &kColourBase};

TEST(JavaSerial, WriterOutputReadsBack) {
  StreamWriter w;
  ASSERT_TRUE(w.begin_object(kHolder).ok());
  ASSERT_TRUE(w.new_string("hello").ok());
  ASSERT_TRUE(w.byte_array(as_bytes("abc")).ok());
  SecretBytes bytes = std::move(w).take();

  auto s = read_stream(bytes, Limits{});
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  EXPECT_EQ(s->size, bytes.size());
  ASSERT_EQ(s->root.kind, Value::Kind::kObject);
  const Object& o = s->objects[s->root.index];
  EXPECT_TRUE(check_class(*s, o.class_desc, kHolder).ok());
  const Value* name = s->field(o, "name");
  ASSERT_NE(name, nullptr);
  ASSERT_EQ(name->kind, Value::Kind::kString);
  EXPECT_EQ(s->strings[name->index], "hello");
  const Value* data = s->field(o, "data");
  ASSERT_NE(data, nullptr);
  ASSERT_EQ(data->kind, Value::Kind::kByteArray);
  EXPECT_EQ(as_chars(s->arrays[data->index].data), "abc");
}

TEST(JavaSerial, WriterNumbersHandlesAsObjectOutputStream) {
  StreamWriter w;
  ASSERT_TRUE(w.begin_object(kHolder).ok());
  ASSERT_TRUE(w.byte_array(as_bytes("x")).ok());
  ASSERT_TRUE(w.byte_array(as_bytes("y")).ok());
  SecretBytes bytes = std::move(w).take();

  Stream want;
  want.u8(kTcObject).class_desc("test.Holder", 0x0102030405060708, kScSerializable, 2);  // handle 0
  want.u8('L').utf("name").string("Ljava/lang/String;");                                 // handle 1
  want.u8('[').utf("data").string("[B");                                                 // handle 2
  want.u8(kTcEndBlockData).u8(kTcNull);                                                  // object: handle 3
  want.u8(kTcArray).class_desc("[B", 0xacf317f8060854e0, kScSerializable, 0);            // handle 4
  want.u8(kTcEndBlockData).u8(kTcNull).u32(1).u8('x');                                   // array: handle 5
  want.u8(kTcArray).ref(4).u32(1).u8('y');                                               // the class by reference
  EXPECT_EQ(to_hex(bytes), to_hex(want.bytes()));
}

TEST(JavaSerial, ReadsEnumsReferencesAndPrimitiveFields) {
  Stream s;
  s.u8(kTcObject).class_desc("test.Mixed", 7, kScSerializable, 4);
  s.u8('I').utf("count");
  s.u8('Z').utf("flag");
  s.u8('L').utf("colour").string("Ltest/Colour;");          // handle 1
  s.u8('L').utf("again").string("Ljava/lang/Object;");       // handle 2
  s.u8(kTcEndBlockData).u8(kTcNull);                          // object: handle 3
  s.u32(42).u8(1);                                            // primitives, skipped
  s.u8(kTcEnum).class_desc("test.Colour", 0, kScSerializable | kScEnum, 0).u8(kTcEndBlockData);  // handle 4
  s.class_desc("java.lang.Enum", 0, kScSerializable | kScEnum, 0).u8(kTcEndBlockData).u8(kTcNull);  // handle 5
  s.string("RED");                                            // enum: handle 6, name: handle 7
  s.ref(6);                                                   // "again" = the same enum constant
  auto r = read_stream(s.bytes(), Limits{});
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  const Object& o = r->objects[r->root.index];
  ASSERT_EQ(o.fields.size(), 2u);  // primitives are not listed
  const Value* colour = r->field(o, "colour");
  const Value* again = r->field(o, "again");
  ASSERT_TRUE(colour && again);
  ASSERT_EQ(colour->kind, Value::Kind::kEnum);
  EXPECT_EQ(again->kind, Value::Kind::kEnum);
  EXPECT_EQ(again->index, colour->index);
  EXPECT_EQ(r->enums[colour->index].name, "RED");
  EXPECT_TRUE(check_class(*r, r->enums[colour->index].class_desc, kColour).ok());
  EXPECT_EQ(r->size, s.bytes().size());
}

TEST(JavaSerial, StopsAfterTheRootObject) {
  Stream s;
  s.string("root");
  Bytes bytes = s.bytes();
  bytes.push_back(0x99);  // not read: the caller learns where the stream ended
  auto r = read_stream(bytes, Limits{});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->size, bytes.size() - 1);
  EXPECT_EQ(r->strings[r->root.index], "root");
}

TEST(JavaSerial, LongStringsAndModifiedUtf8) {
  Stream s;
  s.u8(kTcLongString).u64(4);
  for (uint8_t b : {0x61, 0xc0, 0x80, 0x62}) s.u8(b);  // "a\0b" in modified UTF-8
  auto r = read_stream(s.bytes(), Limits{});
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(r->strings[r->root.index], std::string("a\0b", 3));
}

TEST(JavaSerial, RejectsWhatTheGrammarSubsetExcludes) {
  struct Case {
    const char* why;
    Bytes bytes;
    ErrorCode code;
  };
  std::vector<Case> cases;
  auto add = [&](const char* why, const Stream& s, ErrorCode code) { cases.push_back({why, s.bytes(), code}); };
  {
    Stream s;
    s.u8(0x77).u8(1).u8(0);
    add("TC_BLOCKDATA at the top", s, ErrorCode::kUnsupported);
  }
  {
    Stream s;
    s.u8(kTcObject).class_desc("test.Custom", 1, kScSerializable | kScWriteMethod, 0).u8(kTcEndBlockData).u8(kTcNull);
    add("class with writeObject data", s, ErrorCode::kUnsupported);
  }
  {
    Stream s;
    s.u8(kTcObject).class_desc("test.Ext", 1, kScExternalizable, 0).u8(kTcEndBlockData).u8(kTcNull);
    add("Externalizable class", s, ErrorCode::kUnsupported);
  }
  {
    Stream s;
    s.u8(kTcArray).class_desc("[I", 1, kScSerializable, 0).u8(kTcEndBlockData).u8(kTcNull).u32(0);
    add("int array", s, ErrorCode::kUnsupported);
  }
  {
    Stream s;
    s.u8(kTcObject).class_desc("test.Annotated", 1, kScSerializable, 0).u8(kTcString).utf("x");
    add("class annotation", s, ErrorCode::kUnsupported);
  }
  {
    Stream s;
    s.ref(0);
    add("reference before any handle", s, ErrorCode::kMalformed);
  }
  {
    Stream s;
    s.u8(kTcObject).class_desc("test.Loop", 1, kScSerializable, 0).u8(kTcEndBlockData).ref(0);
    add("class that is its own superclass", s, ErrorCode::kMalformed);
  }
  {
    Stream s;
    s.u8(kTcObject).class_desc("test.Bad", 1, kScSerializable, 1).u8('Q').utf("f").u8(kTcEndBlockData).u8(kTcNull);
    add("unknown field type code", s, ErrorCode::kMalformed);
  }
  {
    Stream s;
    s.u8(kTcArray).class_desc("[B", 1, kScSerializable, 0).u8(kTcEndBlockData).u8(kTcNull).u32(1000).u8(1);
    add("array longer than the input", s, ErrorCode::kMalformed);
  }
  {
    Stream s;
    s.u8(kTcArray).class_desc("[B", 1, kScSerializable, 0).u8(kTcEndBlockData).u8(kTcNull).u32(0x80000000);
    add("negative array length", s, ErrorCode::kMalformed);
  }
  {
    Stream s;
    s.u8(kTcObject).class_desc("test.Many", 1, kScSerializable, 0xffff);
    add("field count beyond the input", s, ErrorCode::kMalformed);
  }
  {
    Stream s;
    s.u8(0x42);
    add("unknown type code", s, ErrorCode::kMalformed);
  }
  {
    Stream s;
    s.u8(kTcObject).u8(kTcNull);
    add("object without a class", s, ErrorCode::kMalformed);
  }
  {
    Bytes b = {0xac, 0xed, 0x00, 0x04, kTcNull};
    cases.push_back({"stream version 4", b, ErrorCode::kMalformed});
    cases.push_back({"empty input", {}, ErrorCode::kMalformed});
  }
  for (const Case& c : cases) {
    SCOPED_TRACE(c.why);
    auto r = read_stream(c.bytes, Limits{});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), c.code) << r.status().to_string();
  }
}

TEST(JavaSerial, NestingDepthIsLimited) {
  // Objects of class Node { Object next; }, nested `levels` deep.
  auto nested = [](int levels) {
    Stream s;
    s.u8(kTcObject).class_desc("test.Node", 1, kScSerializable, 1).u8('L').utf("next").string("Ljava/lang/Object;");
    s.u8(kTcEndBlockData).u8(kTcNull);
    for (int i = 1; i < levels; ++i) s.u8(kTcObject).ref(0);
    s.u8(kTcNull);
    return s.bytes();
  };
  Limits limits;
  limits.max_serialization_objects = 1000;
  EXPECT_TRUE(read_stream(nested(5), limits).ok());
  auto deep = read_stream(nested(40), limits);
  ASSERT_FALSE(deep.ok());
  EXPECT_EQ(deep.status().code(), ErrorCode::kLimitExceeded);
}

TEST(JavaSerial, ObjectCountIsLimited) {
  Stream s;
  const int n = 100;
  s.u8(kTcObject).class_desc("test.Wide", 1, kScSerializable, n);
  for (int i = 0; i < n; ++i) s.u8('L').utf("f" + std::to_string(i)).string("Ljava/lang/String;" + std::string(i % 2, ' '));
  s.u8(kTcEndBlockData).u8(kTcNull);
  for (int i = 0; i < n; ++i) s.u8(kTcNull);
  Limits limits;
  auto r = read_stream(s.bytes(), limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kLimitExceeded);
  limits.max_serialization_objects = 1000;
  EXPECT_TRUE(read_stream(s.bytes(), limits).ok());
}

TEST(JavaSerial, EveryTruncationFailsCleanly) {
  StreamWriter w;
  ASSERT_TRUE(w.begin_object(kHolder).ok());
  ASSERT_TRUE(w.new_string("name").ok());
  ASSERT_TRUE(w.byte_array(as_bytes("0123456789")).ok());
  SecretBytes bytes = std::move(w).take();
  testing::for_each_truncation(bytes.view(), [](ByteView prefix, size_t) {
    auto r = read_stream(prefix, Limits{});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), ErrorCode::kMalformed);
  });
}

TEST(JavaSerial, CheckClassNamesTheDifference) {
  StreamWriter w;
  ASSERT_TRUE(w.enum_constant(kColour, "GREEN").ok());
  SecretBytes bytes = std::move(w).take();
  auto r = read_stream(bytes, Limits{});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->root.kind, Value::Kind::kEnum);
  const size_t desc = r->enums[r->root.index].class_desc;
  EXPECT_TRUE(check_class(*r, desc, kColour).ok());
  Status wrong = check_class(*r, desc, kHolder);
  EXPECT_EQ(wrong.code(), ErrorCode::kMalformed);
  EXPECT_NE(wrong.message().find("test.Colour"), std::string::npos);
  const ClassSpec no_super{"test.Colour", 0, kScSerializable | kScEnum, {}, nullptr};
  EXPECT_EQ(check_class(*r, desc, no_super).code(), ErrorCode::kMalformed);
}

}  // namespace
}  // namespace kstore::jks::serial
