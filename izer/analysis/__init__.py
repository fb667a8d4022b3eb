"""Message analysis: the Turkish-first rule analyzer, the OpenAI analyzer, business rules, evaluation."""
