from django.core.management.base import BaseCommand

from search.judged import JUDGED_QUERIES, evaluate, load_judgements


class Command(BaseCommand):
    help = "Precision@3 and MRR of site search on the judged query set, per language."

    def add_arguments(self, parser):
        parser.add_argument("--queries", default=str(JUDGED_QUERIES))

    def handle(self, *args, queries, verbosity, **options):
        for lang, (precision, mrr, scores) in sorted(evaluate(load_judgements(queries)).items()):
            self.stdout.write(
                f"{lang}: {len(scores)} queries, precision@3 {precision:.2f}, MRR {mrr:.2f}"
            )
            if verbosity > 1:
                for s in scores:
                    if s.precision < 1:
                        self.stdout.write(
                            f"  {s.judgement.site} {s.judgement.q!r}: top 3 {s.titles}, "
                            f"wanted {s.judgement.relevant}"
                        )
