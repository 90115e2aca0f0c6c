package connection

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/pbkdf2"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"errors"
	"fmt"
	"hash"

	"golang.org/x/crypto/scrypt"
)

// ErrPrivateKey is returned (wrapped) for a private key that cannot be used.
var ErrPrivateKey = errors.New("connection: unusable private key")

// MinKeyBits is the smallest RSA key Snowflake accepts for key-pair auth.
const MinKeyBits = 2048

// Bounds on the key-derivation cost an encrypted key may ask for, so a hostile
// file cannot make resolution spin.
const (
	maxPBKDF2Iterations = 10_000_000
	maxScryptMemory     = 256 << 20 // bytes: scrypt uses 128·N·r
)

// ParsePrivateKey reads an RSA private key in PEM: PKCS#8 ("PRIVATE KEY"),
// encrypted PKCS#8 ("ENCRYPTED PRIVATE KEY", PBES2 with PBKDF2 or scrypt and
// AES-CBC or DES-EDE3-CBC: what `openssl pkcs8 -topk8 -v2 aes256|des3` and
// `-scrypt` write, the commands Snowflake's key-pair guide uses), or an
// unencrypted PKCS#1 ("RSA PRIVATE KEY") key. The passphrase is used only for
// an encrypted key; whether one was needed is reported by usedPassphrase.
// Errors never contain key material or the passphrase.
func ParsePrivateKey(pemBytes []byte, passphrase []byte) (key *rsa.PrivateKey, usedPassphrase bool, err error) {
	block, _ := pem.Decode(pemBytes)
	if block == nil {
		return nil, false, fmt.Errorf("%w: no PEM block found", ErrPrivateKey)
	}
	var der []byte
	switch block.Type {
	case "PRIVATE KEY":
		der = block.Bytes
	case "ENCRYPTED PRIVATE KEY":
		if len(passphrase) == 0 {
			return nil, false, fmt.Errorf("%w: the key is encrypted and no passphrase was given (set private_key_file_pwd or PRIVATE_KEY_PASSPHRASE)", ErrPrivateKey)
		}
		if der, err = decryptPKCS8(block.Bytes, passphrase); err != nil {
			return nil, true, err
		}
		usedPassphrase = true
	case "RSA PRIVATE KEY":
		if _, legacy := block.Headers["DEK-Info"]; legacy {
			return nil, false, fmt.Errorf("%w: legacy-encrypted PEM (DEK-Info) is not supported; convert it with `openssl pkcs8 -topk8 -v2 aes256`", ErrPrivateKey)
		}
		k, err := x509.ParsePKCS1PrivateKey(block.Bytes)
		if err != nil {
			return nil, false, fmt.Errorf("%w: not a valid PKCS#1 RSA key", ErrPrivateKey)
		}
		return checkBits(k, false)
	default:
		return nil, false, fmt.Errorf("%w: PEM block %q is not a private key (want PRIVATE KEY or ENCRYPTED PRIVATE KEY)", ErrPrivateKey, block.Type)
	}
	parsed, err := x509.ParsePKCS8PrivateKey(der)
	if err != nil {
		if usedPassphrase {
			return nil, true, fmt.Errorf("%w: wrong passphrase or damaged key", ErrPrivateKey)
		}
		return nil, false, fmt.Errorf("%w: not a valid PKCS#8 key", ErrPrivateKey)
	}
	k, ok := parsed.(*rsa.PrivateKey)
	if !ok {
		return nil, usedPassphrase, fmt.Errorf("%w: the key is %T; Snowflake key-pair auth needs RSA", ErrPrivateKey, parsed)
	}
	return checkBits(k, usedPassphrase)
}

func checkBits(k *rsa.PrivateKey, used bool) (*rsa.PrivateKey, bool, error) {
	if bits := k.N.BitLen(); bits < MinKeyBits {
		return nil, used, fmt.Errorf("%w: the RSA key has %d bits; Snowflake needs at least %d", ErrPrivateKey, bits, MinKeyBits)
	}
	return k, used, nil
}

// ASN.1 of RFC 8018 (PKCS #5 v2.1) and RFC 7914 (scrypt).
var (
	oidPBES2     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 13}
	oidPBKDF2    = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 12}
	oidScrypt    = asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 11591, 4, 11}
	oidHMACSHA1  = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 7}
	oidAES128CBC = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 2}
	oidAES192CBC = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 22}
	oidAES256CBC = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 42}
	oidDES3CBC   = asn1.ObjectIdentifier{1, 2, 840, 113549, 3, 7}
)

// prfs are the PBKDF2 pseudo-random functions by OID (hmacWithSHA*).
var prfs = map[string]func() hash.Hash{
	oidHMACSHA1.String():  sha1.New,
	"1.2.840.113549.2.8":  sha256.New224,
	"1.2.840.113549.2.9":  sha256.New,
	"1.2.840.113549.2.10": sha512.New384,
	"1.2.840.113549.2.11": sha512.New,
	"":                    sha1.New, // absent: the default, hmacWithSHA1
}

type encryptedPrivateKeyInfo struct {
	Algorithm pkix.AlgorithmIdentifier
	Data      []byte
}

type pbes2Params struct {
	KDF    pkix.AlgorithmIdentifier
	Cipher pkix.AlgorithmIdentifier
}

type pbkdf2Params struct {
	Salt       []byte
	Iterations int
	KeyLength  int                      `asn1:"optional"`
	PRF        pkix.AlgorithmIdentifier `asn1:"optional"`
}

type scryptParams struct {
	Salt      []byte
	N         int
	R         int
	P         int
	KeyLength int `asn1:"optional"`
}

// decryptPKCS8 returns the DER of the PrivateKeyInfo inside an
// EncryptedPrivateKeyInfo protected with PBES2.
func decryptPKCS8(der, passphrase []byte) ([]byte, error) {
	var info encryptedPrivateKeyInfo
	if rest, err := asn1.Unmarshal(der, &info); err != nil || len(rest) != 0 {
		return nil, fmt.Errorf("%w: damaged encrypted PKCS#8 structure", ErrPrivateKey)
	}
	if !info.Algorithm.Algorithm.Equal(oidPBES2) {
		return nil, fmt.Errorf("%w: encryption scheme %s is not supported (PBES1); re-encrypt with `openssl pkcs8 -topk8 -v2 aes256`", ErrPrivateKey, info.Algorithm.Algorithm)
	}
	var params pbes2Params
	if _, err := asn1.Unmarshal(info.Algorithm.Parameters.FullBytes, &params); err != nil {
		return nil, fmt.Errorf("%w: damaged PBES2 parameters", ErrPrivateKey)
	}
	var keyLen int
	var newBlock func([]byte) (cipher.Block, error)
	switch c := params.Cipher.Algorithm; {
	case c.Equal(oidAES128CBC):
		keyLen, newBlock = 16, aes.NewCipher
	case c.Equal(oidAES192CBC):
		keyLen, newBlock = 24, aes.NewCipher
	case c.Equal(oidAES256CBC):
		keyLen, newBlock = 32, aes.NewCipher
	case c.Equal(oidDES3CBC):
		keyLen, newBlock = 24, des.NewTripleDESCipher
	default:
		return nil, fmt.Errorf("%w: cipher %s is not supported (want AES-CBC or DES-EDE3-CBC)", ErrPrivateKey, c)
	}
	var iv []byte
	if _, err := asn1.Unmarshal(params.Cipher.Parameters.FullBytes, &iv); err != nil {
		return nil, fmt.Errorf("%w: damaged cipher parameters", ErrPrivateKey)
	}
	key, err := deriveKey(params.KDF, passphrase, keyLen)
	if err != nil {
		return nil, err
	}
	block, err := newBlock(key)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrPrivateKey, err)
	}
	bs := block.BlockSize()
	if len(iv) != bs || len(info.Data) == 0 || len(info.Data)%bs != 0 {
		return nil, fmt.Errorf("%w: damaged encrypted data", ErrPrivateKey)
	}
	plain := make([]byte, len(info.Data))
	cipher.NewCBCDecrypter(block, iv).CryptBlocks(plain, info.Data)
	return unpad(plain, bs)
}

func deriveKey(kdf pkix.AlgorithmIdentifier, passphrase []byte, keyLen int) ([]byte, error) {
	switch {
	case kdf.Algorithm.Equal(oidPBKDF2):
		var p pbkdf2Params
		if _, err := asn1.Unmarshal(kdf.Parameters.FullBytes, &p); err != nil {
			return nil, fmt.Errorf("%w: damaged PBKDF2 parameters", ErrPrivateKey)
		}
		if p.Iterations < 1 || p.Iterations > maxPBKDF2Iterations {
			return nil, fmt.Errorf("%w: PBKDF2 iteration count %d is out of range 1..%d", ErrPrivateKey, p.Iterations, maxPBKDF2Iterations)
		}
		if p.KeyLength != 0 && p.KeyLength != keyLen {
			return nil, fmt.Errorf("%w: PBKDF2 key length %d does not fit the cipher (%d)", ErrPrivateKey, p.KeyLength, keyLen)
		}
		h, ok := prfs[p.PRF.Algorithm.String()]
		if !ok {
			return nil, fmt.Errorf("%w: PBKDF2 function %s is not supported (want HMAC-SHA1/224/256/384/512)", ErrPrivateKey, p.PRF.Algorithm)
		}
		key, err := pbkdf2.Key(h, string(passphrase), p.Salt, p.Iterations, keyLen)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrPrivateKey, err)
		}
		return key, nil
	case kdf.Algorithm.Equal(oidScrypt):
		var p scryptParams
		if _, err := asn1.Unmarshal(kdf.Parameters.FullBytes, &p); err != nil {
			return nil, fmt.Errorf("%w: damaged scrypt parameters", ErrPrivateKey)
		}
		if p.N < 2 || p.N&(p.N-1) != 0 || p.R < 1 || p.P < 1 || p.P > 16 || p.N > maxScryptMemory/128/p.R {
			return nil, fmt.Errorf("%w: scrypt parameters N=%d r=%d p=%d are out of range", ErrPrivateKey, p.N, p.R, p.P)
		}
		key, err := scrypt.Key(passphrase, p.Salt, p.N, p.R, p.P, keyLen)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrPrivateKey, err)
		}
		return key, nil
	}
	return nil, fmt.Errorf("%w: key derivation %s is not supported (want PBKDF2 or scrypt)", ErrPrivateKey, kdf.Algorithm)
}

// unpad removes PKCS#7 padding; a bad pad almost always means a wrong passphrase.
func unpad(b []byte, bs int) ([]byte, error) {
	n := int(b[len(b)-1])
	if n == 0 || n > bs || n > len(b) {
		return nil, fmt.Errorf("%w: wrong passphrase or damaged key", ErrPrivateKey)
	}
	for _, c := range b[len(b)-n:] {
		if int(c) != n {
			return nil, fmt.Errorf("%w: wrong passphrase or damaged key", ErrPrivateKey)
		}
	}
	return b[:len(b)-n], nil
}
