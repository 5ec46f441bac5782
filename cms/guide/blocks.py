"""The building blocks of a topic page, each a pattern plain-language guides use."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.rich_text import expand_db_html
from wagtail.snippets.blocks import SnippetChooserBlock


class RichTextBlock(blocks.RichTextBlock):
    """Rich text that the API delivers as ready HTML, with real link URLs."""

    def get_api_representation(self, value, context=None):
        return expand_db_html(value.source)


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    text = RichTextBlock(features=["bold", "link", "ul"], required=False)


class StepsBlock(blocks.StructBlock):
    """Numbered steps: what to do, in order."""

    heading = blocks.CharBlock(max_length=120, required=False)
    steps = blocks.ListBlock(StepBlock(), min_num=1)

    class Meta:
        icon = "list-ol"
        template = "guide/blocks/steps.html"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200)
    answer = RichTextBlock(features=["bold", "link", "ul", "ol"])


class FaqBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, required=False)
    questions = blocks.ListBlock(QuestionBlock(), min_num=1)

    class Meta:
        icon = "help"
        template = "guide/blocks/faq.html"


class DocumentsCalloutBlock(blocks.StructBlock):
    """ "Bring these documents": a checklist for the visit."""

    heading = blocks.CharBlock(max_length=120, default=_("Please bring"))
    documents = blocks.ListBlock(blocks.CharBlock(max_length=200), min_num=1)
    note = blocks.TextBlock(required=False)

    class Meta:
        icon = "doc-full"
        template = "guide/blocks/documents.html"


class ContactCardBlock(blocks.StructBlock):
    partner = SnippetChooserBlock("guide.Partner", required=False)
    name = blocks.CharBlock(max_length=200, required=False, help_text=_("A person or desk."))
    phone = blocks.CharBlock(max_length=40, required=False)
    email = blocks.EmailBlock(required=False)
    address = blocks.TextBlock(required=False)
    hours = blocks.TextBlock(required=False)

    class Meta:
        icon = "user"
        template = "guide/blocks/contact.html"


class OfferListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, required=False)
    offers = blocks.ListBlock(blocks.PageChooserBlock(page_type="guide.OfferPage"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "guide/blocks/offers.html"


class TopicBodyBlock(blocks.StreamBlock):
    text = RichTextBlock(features=["h2", "h3", "bold", "link", "ul", "ol"])
    steps = StepsBlock()
    faq = FaqBlock()
    documents = DocumentsCalloutBlock()
    contact = ContactCardBlock()
    offers = OfferListBlock()
