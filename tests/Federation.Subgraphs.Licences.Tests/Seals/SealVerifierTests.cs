using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Federation.Subgraphs.Licences.Domain;
using Federation.Subgraphs.Licences.Seals;
using Federation.Subgraphs.Licences.Tests.Harness;

namespace Federation.Subgraphs.Licences.Tests.Seals;

public sealed class SealVerifierTests
{
    private static readonly Licence Licence = SeedData.First(l => l.Type == LicenceCatalogue.BusinessLicence);

    [Fact]
    public void The_signature_is_DER_ECDSA_over_the_SHA256_digest_of_the_UTF8_content_checkable_with_the_certificate_alone()
    {
        var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(Licence.Seal.Certificate));
        using var key = certificate.GetECDsaPublicKey()!;
        Assert.Equal("ECDSA_P256_SHA256", Licence.Seal.Algorithm);
        var content = Encoding.UTF8.GetBytes(Licence.Seal.CanonicalContent);
        var signature = Convert.FromBase64String(Licence.Seal.Signature);
        Assert.Equal(SHA256.HashData(content), SealDigest.Of(Licence.Seal.Algorithm, Licence.Seal.CanonicalContent));
        Assert.True(key.VerifyHash(SHA256.HashData(content), signature, DSASignatureFormat.Rfc3279DerSequence));
        Assert.True(key.VerifyData(content, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        Assert.Equal(Licence.IssuingAgencyCode, SealCertificates.CreditCodeOf(certificate));
        Assert.Equal(SeedData.Keyring.TrustedRoot.SubjectName.Name, certificate.IssuerName.Name);
    }

    [Fact]
    public void Demo_keys_are_the_same_for_the_same_seed_and_differ_for_another()
    {
        var again = new DemoSealKeyring((long)DemoData.DemoWorld.DefaultSeed).For(Licence.IssuingAgencyCode, Licence.IssuingAgencyName);
        var other = new DemoSealKeyring(7).For(Licence.IssuingAgencyCode, Licence.IssuingAgencyName);
        var original = SeedData.Keyring.For(Licence.IssuingAgencyCode, Licence.IssuingAgencyName);
        Assert.Equal(original.Certificate.GetPublicKey(), again.Certificate.GetPublicKey());
        Assert.NotEqual(original.Certificate.GetPublicKey(), other.Certificate.GetPublicKey());
        Assert.Null(SeedData.Verifier.Failure(Licence with { Seal = new Sealer(new DemoSealKeyring((long)DemoData.DemoWorld.DefaultSeed)).Seal(Licence, Licence.UpdatedAt) }));
    }

    [Fact]
    public void A_signature_over_other_content_fails()
    {
        var forged = Licence.Seal with { CanonicalContent = Licence.Seal.CanonicalContent.Replace(Licence.HolderName, "某某公司", StringComparison.Ordinal) };
        Assert.Equal(
            "The signature does not verify over the sealed content's digest with the seal certificate's key (ECDSA_P256_SHA256).",
            SeedData.Verifier.Failure(Licence with { HolderName = "某某公司", Seal = forged }));
    }

    [Fact]
    public void The_salt_is_sealed_so_a_salt_changed_behind_the_sealers_back_shows()
    {
        Assert.Contains($"\"salt\":\"{Licence.Seal.Salt}\"", Licence.Seal.CanonicalContent, StringComparison.Ordinal);
        var swapped = Licence with { Seal = Licence.Seal with { Salt = SealSalt.Fresh() } };
        Assert.Equal("The licence's current content differs from the sealed content in: salt.", SeedData.Verifier.Failure(swapped));
    }

    [Fact]
    public void Each_sealing_draws_a_fresh_salt_and_the_seed_gives_the_same_salt_every_time()
    {
        var first = SeedData.Sealer.Seal(Licence, Licence.UpdatedAt);
        var second = SeedData.Sealer.Seal(Licence, Licence.UpdatedAt);
        Assert.NotEqual(first.Salt, second.Salt);
        Assert.NotEqual(first.CanonicalContent, second.CanonicalContent);
        Assert.Null(SeedData.Verifier.Failure(Licence with { Seal = first }));
        Assert.Null(SeedData.Verifier.Failure(Licence with { Seal = second }));

        Assert.Equal(Licence.Seal.Salt, SealSalt.Seeded(SeedData.World, Licence.Number));
        Assert.NotEqual(Licence.Seal.Salt, SealSalt.Seeded(new DemoData.DemoWorld(SeedData.Persons, 7), Licence.Number));
    }

    [Fact]
    public void A_seal_made_under_another_root_does_not_chain()
    {
        var stranger = new Sealer(new DemoSealKeyring(7)).Seal(Licence, Licence.UpdatedAt);
        Assert.StartsWith("The seal certificate does not chain to the platform's trusted root:", SeedData.Verifier.Failure(Licence with { Seal = stranger }));
    }

    [Fact]
    public void A_seal_of_another_agency_is_not_the_issuers()
    {
        var other = SeedData.First(l => l.IssuingAgencyCode != Licence.IssuingAgencyCode);
        var key = SeedData.Keyring.For(other.IssuingAgencyCode, other.IssuingAgencyName);
        var signature = Convert.ToBase64String(key.SignDigest(SHA256.HashData(Encoding.UTF8.GetBytes(Licence.Seal.CanonicalContent))));
        var seal = Licence.Seal with { Certificate = key.CertificateBase64, Signature = signature };
        Assert.Equal(
            $"The seal certificate belongs to {other.IssuingAgencyCode}, not to the issuing agency {Licence.IssuingAgencyCode}.",
            SeedData.Verifier.Failure(Licence with { Seal = seal }));
    }

    [Fact]
    public void A_seal_dated_outside_the_certificates_validity_fails()
    {
        var early = SeedData.Sealer.Seal(Licence, new DateTimeOffset(2017, 6, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.StartsWith("The seal certificate was not valid when the licence was sealed: sealed at 2017-06-01T00:00:00Z", SeedData.Verifier.Failure(Licence with { Seal = early }));
    }

    [Fact]
    public void An_SM2_seal_is_reported_as_not_checkable_here()
    {
        var failure = SeedData.Verifier.Failure(Licence with { Seal = Licence.Seal with { Algorithm = SealAlgorithms.Sm2WithSm3 } });
        Assert.Contains("SM2", failure);
        Assert.Contains(".NET", failure);
    }

    [Fact]
    public void A_changed_item_and_status_are_named()
    {
        var items = Licence.Items.Select(i => i.Key == "domicile" ? i with { Value = "别处" } : i).ToList();
        Assert.Equal(
            "The licence's current content differs from the sealed content in: items, status.",
            SeedData.Verifier.Failure(Licence with { Items = items, Status = LicenceStatus.Revoked }));
    }

    [Fact]
    public void Seal_keys_from_PKCS12_files_seal_and_verify_like_the_demo_keys()
    {
        var directory = Directory.CreateTempSubdirectory("licence-seals-");
        try
        {
            // A root and an agency seal made here stand for the files a real deployment configures.
            using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var rootRequest = new CertificateRequest("CN=Test seal root", rootKey, HashAlgorithmName.SHA256);
            rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            using var root = rootRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            using var agencyKey = RSA.Create(2048);
            var subject = new X500DistinguishedNameBuilder();
            subject.Add(SealCertificates.OrganizationIdentifierOid, Licence.IssuingAgencyCode, System.Formats.Asn1.UniversalTagNumber.UTF8String);
            subject.AddCommonName("Test agency seal");
            var agencyRequest = new CertificateRequest(subject.Build(), agencyKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var issued = agencyRequest.Create(root.SubjectName, X509SignatureGenerator.CreateForECDsa(rootKey), DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMonths(6), [1, 2, 3]);
            using var withKey = issued.CopyWithPrivateKey(agencyKey);
            var rootFile = Path.Combine(directory.FullName, "root.cer");
            var pfxFile = Path.Combine(directory.FullName, "agency.pfx");
            File.WriteAllBytes(rootFile, root.Export(X509ContentType.Cert));
            File.WriteAllBytes(pfxFile, withKey.Export(X509ContentType.Pkcs12, "pass"));

            var keyring = new ConfiguredSealKeyring(new SealOptions
            {
                Keys = "Configured",
                TrustedRoot = rootFile,
                Agencies = [new AgencySealOptions { CreditCode = Licence.IssuingAgencyCode, Pfx = pfxFile, Password = "pass", SealId = "330200-0001" }],
            });
            var sealedLicence = new Sealer(keyring).Reseal(Licence, DateTimeOffset.UtcNow);
            Assert.Equal(("RSA_SHA256", "330200-0001"), (sealedLicence.Seal.Algorithm, sealedLicence.Seal.SealId));
            Assert.Null(new SealVerifier(keyring.TrustedRoot).Failure(sealedLicence));
            Assert.Null(keyring.For("91330200000000000X", "nobody"));
            var refusal = Assert.Throws<Federation.GraphQL.GraphQLException>(() => new Sealer(keyring).Seal(SeedData.First(l => l.IssuingAgencyCode != Licence.IssuingAgencyCode), DateTimeOffset.UtcNow));
            Assert.Equal("SEAL_UNAVAILABLE", refusal.Error.Extensions!["code"]);
        }
        finally
        {
            directory.Delete(true);
        }
    }
}
