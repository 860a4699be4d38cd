"""Qt-free core of kami_desktop: domain model, vault, ledger, import, bills, chats, legal rules, dossier."""
