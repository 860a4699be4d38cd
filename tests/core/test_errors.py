from kami_desktop.core.errors import expected_errors


def test_every_feature_error_is_expected_by_cli_and_gui():
    names = {c.__name__ for c in expected_errors()}
    assert {
        "CaseError",
        "ExhibitError",
        "DatabaseError",
        "BillError",
        "ChatError",
        "DocumentError",
        "DossierError",
        "BackupError",
        "LegalDataError",
        "MoneyError",
        "VocabError",
    } <= names


def test_cli_maps_a_document_error_to_exit_2(tmp_path, capsys):
    from kami_desktop.cli import main

    assert main(["--data-dir", str(tmp_path / "p"), "case", "new", "--title", "t"]) == 0
    rc = main(
        [
            "--data-dir",
            str(tmp_path / "p"),
            "doc",
            "generate",
            "--case",
            "1",
            "--kind",
            "demand",
            "--out",
            str(tmp_path / "o"),
            "--workdays",
            "30",
        ]
    )
    assert rc == 2
    assert "Traceback" not in capsys.readouterr().err
